package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** tasks.reset: back to created, clearing run results; clearAll also clears execution and script. */
public record ResetTaskCommand(@TargetAggregateIdentifier String taskId, boolean force, boolean clearAll,
                               AuditEntry audit) {
}
