package io.xstore.api.model;

import io.xstore.api.AuditEntry;

/**
 * models.set_ready / publish_many (docs/api/behaviour-rules.md §6): with {@code publishTask} the model's task is
 * published first ({@code forceTask} for any status; without it only a stopped, completed, failed or closed task,
 * else 400/110 and the model stays not ready), then the model.
 */
public record PublishModelWithTaskCommand(String modelId, String company, boolean publishTask, boolean forceTask,
                                          AuditEntry audit) {
}
