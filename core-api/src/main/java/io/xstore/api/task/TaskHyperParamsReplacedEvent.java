package io.xstore.api.task;

import io.xstore.api.AuditEntry;

import java.util.Map;

/** All hyperparameters of the task were replaced by {@code hyperparams} (section → name → parameter), by an edit. */
public record TaskHyperParamsReplacedEvent(String taskId, Map<String, Object> hyperparams, AuditEntry audit) {
}
