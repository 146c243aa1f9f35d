package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** tasks.make_public: the caller's task becomes public (company ""), readable by every company. */
public record MakeTaskPublicCommand(@TargetAggregateIdentifier String taskId, AuditEntry audit) {
}
