package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** tasks.update_tags: adds then removes user tags. */
public record UpdateTaskTagsCommand(@TargetAggregateIdentifier String taskId, List<String> addTags,
                                    List<String> removeTags, AuditEntry audit) {
}
