package io.xstore.api.queue;

import io.xstore.api.AuditEntry;

import java.util.List;
import java.util.Map;

/** queues.create (docs/api/queues.md): a new queue; the name is checked unique per company by the endpoint. */
public record CreateQueueCommand(String queueId, String name, String displayName, List<String> tags,
                                 List<String> systemTags, Map<String, Object> metadata, AuditEntry audit) {
}
