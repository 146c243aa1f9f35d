package io.xstore.api.task;

import io.xstore.api.AuditEntry;

import java.util.List;

/** Model entries removed from models.input / models.output. */
public record TaskModelsDetachedEvent(String taskId, List<TaskModelRef> models, AuditEntry audit) {
}
