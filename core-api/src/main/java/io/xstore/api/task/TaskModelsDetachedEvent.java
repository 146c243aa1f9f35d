package io.xstore.api.task;

import java.util.List;
import io.xstore.api.AuditEntry;

/** Model entries removed from models.input / models.output. */
public record TaskModelsDetachedEvent(String taskId, List<TaskModelRef> models, AuditEntry audit) {
}
