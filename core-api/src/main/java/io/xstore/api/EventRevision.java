package io.xstore.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The revision of an event's stored shape. An event type without it is at revision 1; events stored before
 * revisions existed count as revision 1 of their type. Raising it means adding an upcaster from the previous
 * revision (README, "Event evolution").
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventRevision {

    int value();
}
