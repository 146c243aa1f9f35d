package io.xstore.api.task;

import io.xstore.api.AuditEntry;

/** The task is public now (company ""); {@code originCompany} made it public and alone may make it private. */
public record TaskMadePublicEvent(String taskId, String originCompany, AuditEntry audit) {
}
