package io.xstore.projection.metrics;

import io.xstore.readmodel.events.EventIndices;

import java.util.List;

/**
 * The events of one target to delete: those of the given types ({@code types} empty = every type) in the target's
 * company indices, optionally only those with {@code timestamp < olderThan}, with a metric in {@code includeMetrics}
 * (when non-empty) and not in {@code excludeMetrics}.
 */
public record EventSelection(String company, String target, List<String> types, Long olderThan,
                             List<String> includeMetrics, List<String> excludeMetrics) {

    public EventSelection {
        types = types == null ? List.of() : List.copyOf(types);
        includeMetrics = includeMetrics == null ? List.of() : List.copyOf(includeMetrics);
        excludeMetrics = excludeMetrics == null ? List.of() : List.copyOf(excludeMetrics);
    }

    public static EventSelection allOf(String company, String target) {
        return new EventSelection(company, target, List.of(), null, List.of(), List.of());
    }

    public static EventSelection logsOf(String company, String target, Long olderThan, List<String> includeMetrics,
                                        List<String> excludeMetrics) {
        return new EventSelection(company, target, List.of(EventIndices.LOG), olderThan, includeMetrics,
                excludeMetrics);
    }

    public List<String> indices() {
        return EventIndices.indices(types, company);
    }
}
