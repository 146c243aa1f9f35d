package io.xstore.api.queue;

import io.xstore.api.AuditEntry;

import java.util.List;
import java.util.Map;

/**
 * The queue's metadata changed: changed items set (key → {key, type, value}), removed keys gone; metadata is the
 * whole result.
 */
public record QueueMetadataChangedEvent(String queueId, Map<String, Object> changed, List<String> removed, Map<String,
                                        Object> metadata, AuditEntry audit) {
}
