package io.xstore.projection.metrics;

import io.xstore.api.metrics.MetricSummary;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;
import io.xstore.readmodel.events.Md5;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running summaries of the scalar series of every target, one store entry per series keyed
 * {@code <target>/<md5(metric)>/<md5(variant)>} so that a batch rewrites only the series it touches. At most
 * {@value #MAX_SERIES} series are tracked per target; further series are ignored, as the reference does.
 */
final class SeriesSummaries {

    static final int MAX_SERIES = 2000;
    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, SeriesState> store;

    SeriesSummaries(KeyValueStore<String, SeriesState> store) {
        this.store = store;
    }

    /** Adds a batch's scalar events to the summaries; returns the summaries that changed. */
    List<MetricSummary> apply(String target, List<Map<String, Object>> events) {
        List<MetricSummary> changed = new ArrayList<>();
        int tracked = -1;
        for (SeriesBatch batch : scalarSeries(events).values()) {
            String key = key(target, batch.metric(), batch.variant());
            SeriesState current = store.get(key);
            SeriesState next;
            if (current == null) {
                if (tracked < 0) {
                    tracked = trackedSeries(target);
                }
                if (tracked >= MAX_SERIES) {
                    continue;
                }
                tracked++;
                next = SeriesState.first(batch);
            } else {
                next = current.plus(batch);
            }
            store.put(key, next);
            changed.add(next.toSummary());
        }
        return changed;
    }

    /** The current summaries of the series a batch touches (to publish them again after a restart). */
    List<MetricSummary> current(String target, List<Map<String, Object>> events) {
        List<MetricSummary> summaries = new ArrayList<>();
        for (SeriesBatch batch : scalarSeries(events).values()) {
            SeriesState state = store.get(key(target, batch.metric(), batch.variant()));
            if (state != null) {
                summaries.add(state.toSummary());
            }
        }
        return summaries;
    }

    void forget(String target) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, SeriesState> entries = store.prefixScan(prefix(target), KEYS)) {
            entries.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(store::delete);
    }

    /** The stored summaries of a target (tests, diagnostics). */
    List<SeriesState> of(String target) {
        List<SeriesState> states = new ArrayList<>();
        try (KeyValueIterator<String, SeriesState> entries = store.prefixScan(prefix(target), KEYS)) {
            entries.forEachRemaining((KeyValue<String, SeriesState> entry) -> states.add(entry.value));
        }
        return states;
    }

    private int trackedSeries(String target) {
        int count = 0;
        try (KeyValueIterator<String, SeriesState> entries = store.prefixScan(prefix(target), KEYS)) {
            while (entries.hasNext() && count < MAX_SERIES) {
                entries.next();
                count++;
            }
        }
        return count;
    }

    private static Map<String, SeriesBatch> scalarSeries(List<Map<String, Object>> events) {
        Map<String, SeriesBatch> series = new LinkedHashMap<>();
        for (Map<String, Object> event : events) {
            if (!EventIndices.SCALAR.equals(event.get(EventFields.TYPE))) {
                continue;
            }
            Double value = EventValues.finite(event.get(EventFields.VALUE));
            if (value == null) {
                continue;
            }
            String metric = EventValues.name(event.get(EventFields.METRIC));
            String variant = EventValues.name(event.get(EventFields.VARIANT));
            Long iteration = EventValues.integer(event.get(EventFields.ITER));
            Long timestamp = EventValues.integer(event.get(EventFields.TIMESTAMP));
            series.computeIfAbsent(metric + '\u0000' + variant, k -> new SeriesBatch(metric, variant))
                    .add(iteration == null ? 0 : iteration, timestamp == null ? 0 : timestamp, value,
                            EventValues.text(event.get("x_axis_label")));
        }
        return series;
    }

    static String key(String target, String metric, String variant) {
        return prefix(target) + Md5.hex(metric) + "/" + Md5.hex(variant);
    }

    private static String prefix(String target) {
        return target + "/";
    }
}
