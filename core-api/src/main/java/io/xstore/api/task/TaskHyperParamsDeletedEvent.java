package io.xstore.api.task;

import io.xstore.api.AuditEntry;

import java.util.List;

/** Hyperparameters (or whole sections when the name is null) removed. */
public record TaskHyperParamsDeletedEvent(String taskId, List<HyperParamRef> hyperparams, AuditEntry audit) {
}
