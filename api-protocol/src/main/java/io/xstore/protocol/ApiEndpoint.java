package io.xstore.protocol;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a Spring bean as the handler of one ClearML endpoint. The dispatcher finds every such method.
 * <p>
 * Supported signatures: {@code Object m(CallContext)} or {@code Object m(CallContext, R request)} where {@code R}
 * is bound from the request body with Jackson (unknown fields ignored; a type mismatch is a 400/12). The returned
 * object becomes the envelope's {@code data} ({@code null} gives {@code {}}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiEndpoint {

    /** {@code service.action}, e.g. {@code tasks.get_all}. */
    String value();

    /** Lowest API version this handler serves; the highest handler at or below the requested version wins. */
    String since() default "1.0";

    /** False for the few endpoints callable without credentials ({@code debug.ping}, {@code server.info}). */
    boolean authenticated() default true;

    /** Roles allowed to call; empty means any authenticated role. */
    String[] roles() default {};
}
