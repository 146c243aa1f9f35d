package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** tasks.make_private: a public task that the caller's company made public becomes that company's again. */
public record MakeTaskPrivateCommand(@TargetAggregateIdentifier String taskId, AuditEntry audit) {
}
