package io.xstore.projection.metrics;

import io.xstore.api.AuditEntry;
import io.xstore.api.metrics.EventTypeActivity;
import io.xstore.api.metrics.MetricEventBatch;
import io.xstore.api.metrics.MetricSummary;
import io.xstore.api.metrics.TargetMetrics;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;
import io.xstore.readmodel.events.Md5;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the batches of one target indexed since the last flush changed: highest iteration, changed series summaries
 * (latest state each), and the last event time per (metric, event type). {@code live} is false while all of them
 * are replays of old records, whose summaries the read models already hold.
 */
final class TargetMetricsDelta {

    static final String MONITOR_PREFIX = ":monitor:";

    private final String target;
    private boolean model;
    private String company;
    private Long lastIteration;
    private final Map<String, MetricSummary> series = new LinkedHashMap<>();
    private final Map<String, EventTypeActivity> activity = new LinkedHashMap<>();
    private AuditEntry audit;
    private boolean live;

    private TargetMetricsDelta(String target) {
        this.target = target;
    }

    static TargetMetricsDelta of(MetricEventBatch batch, List<MetricSummary> changedSeries, boolean live) {
        TargetMetricsDelta delta = new TargetMetricsDelta(batch.target());
        delta.model = batch.model();
        delta.company = batch.company();
        delta.audit = batch.audit();
        delta.live = live;
        long fallbackTime = batch.audit() != null && batch.audit().at() != null ? batch.audit().at().toEpochMilli() : 0;
        for (Map<String, Object> event : batch.events()) {
            String metric = EventValues.name(event.get(EventFields.METRIC));
            String type = EventValues.text(event.get(EventFields.TYPE));
            Long iteration = EventValues.integer(event.get(EventFields.ITER));
            if (iteration != null && iteration != EventIndices.SINGLE_VALUE_ITERATION
                    && !metric.startsWith(MONITOR_PREFIX)) {
                delta.lastIteration = delta.lastIteration == null ? iteration
                        : Math.max(delta.lastIteration, iteration);
            }
            if (type != null && EventIndices.TYPES.contains(type)) {
                Long timestamp = EventValues.integer(event.get(EventFields.TIMESTAMP));
                delta.addActivity(new EventTypeActivity(metric, null, type,
                        timestamp == null ? fallbackTime : timestamp));
            }
        }
        changedSeries.forEach(summary -> delta.series.put(summary.metric() + '\u0000' + summary.variant(), summary));
        return delta;
    }

    String target() {
        return target;
    }

    boolean live() {
        return live;
    }

    /** Folds a later delta of the same target into this one. */
    void merge(TargetMetricsDelta later) {
        model = later.model;
        company = later.company;
        audit = later.audit;
        live |= later.live;
        if (later.lastIteration != null) {
            lastIteration = lastIteration == null ? later.lastIteration : Math.max(lastIteration, later.lastIteration);
        }
        series.putAll(later.series);
        later.activity.values().forEach(this::addActivity);
    }

    private void addActivity(EventTypeActivity event) {
        activity.merge(event.metric() + '\u0000' + event.eventType(), event,
                (a, b) -> a.lastUpdate() >= b.lastUpdate() ? a : b);
    }

    TargetMetrics toTargetMetrics() {
        List<EventTypeActivity> activities = new ArrayList<>(activity.size());
        activity.values().forEach(a -> activities.add(
                new EventTypeActivity(a.metric(), Md5.hex(a.metric()), a.eventType(), a.lastUpdate())));
        return new TargetMetrics(target, model, company, lastIteration, List.copyOf(series.values()),
                List.copyOf(activities), audit);
    }
}
