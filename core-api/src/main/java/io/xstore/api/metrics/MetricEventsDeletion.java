package io.xstore.api.metrics;

import io.xstore.api.AuditEntry;

import java.util.List;

/**
 * A recorded delete in the metric event log, so that replaying the log does not bring deleted events back.
 * {@code scope} ALL removes every event of the target (task reset/delete, events.delete_for_task/model) and forgets
 * its summaries; LOG removes console events only, those with timestamp before {@code olderThan} (epoch ms, null =
 * all), limited to {@code includeMetrics} / without {@code excludeMetrics} when those are non-empty.
 */
public record MetricEventsDeletion(String target, boolean model, String company, Scope scope, Long olderThan,
                                   List<String> includeMetrics, List<String> excludeMetrics, AuditEntry audit) {

    public enum Scope { ALL, LOG }
}
