package io.xstore.api.task;

import io.xstore.api.AuditEntry;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * reports.update: each non-null field replaces the report's value; {@code report} is its markdown, which only a
 * report still {@code created} may change (docs/api/reports.md).
 */
public record UpdateReportCommand(@TargetAggregateIdentifier String taskId, String name, List<String> tags,
                                  String comment, String report, AuditEntry audit) {
}
