package io.xstore.api.task;

import java.util.List;
import io.xstore.api.AuditEntry;

/** Hyperparameters (or whole sections when the name is null) removed. */
public record TaskHyperParamsDeletedEvent(String taskId, List<HyperParamRef> hyperparams, AuditEntry audit) {
}
