package io.xstore.api.user;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** Preferences as dotted keys ("a.b" creates nested objects), merged into the stored ones. */
public record SetUserPreferencesCommand(@TargetAggregateIdentifier String userId, Map<String, Object> preferences,
                                        AuditEntry audit) {
}
