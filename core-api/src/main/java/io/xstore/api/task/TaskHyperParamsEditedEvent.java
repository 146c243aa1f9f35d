package io.xstore.api.task;

import io.xstore.api.AuditEntry;

import java.util.List;
import java.util.Map;

/**
 * Hyperparameter items set: with replace {@code all} they are the whole hyperparams, with {@code section} they
 * replace their sections, with {@code none} each item is upserted.
 */
public record TaskHyperParamsEditedEvent(String taskId, List<Map<String, Object>> hyperparams, String replace,
                                         AuditEntry audit) {
}
