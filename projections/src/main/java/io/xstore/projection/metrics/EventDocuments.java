package io.xstore.projection.metrics;

import io.xstore.api.metrics.MetricEventBatch;
import io.xstore.readmodel.events.EventDocumentIds;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;
import io.xstore.readmodel.events.PlotData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a batch of validated events, read at a position of the event log, into the Elasticsearch documents of the
 * events contract: same id for the same (task, iter, metric, variant[, key]) so a re-sent event overwrites the earlier
 * one, console lines identified by their log position, large plots compressed.
 */
final class EventDocuments {

    private static final Logger log = LoggerFactory.getLogger(EventDocuments.class);
    /** Request-only fields that are not stored in the event. */
    private static final List<String> NOT_STORED = List.of("x_axis_label", "allow_locked");
    private static final String VECTOR_VALUES = "values";

    private EventDocuments() {
    }

    static List<EventWrite> of(MetricEventBatch batch, int partition, long offset) {
        List<EventWrite> writes = new ArrayList<>(batch.events().size());
        List<Map<String, Object>> events = batch.events();
        for (int i = 0; i < events.size(); i++) {
            Map<String, Object> event = events.get(i);
            String type = EventValues.text(event.get(EventFields.TYPE));
            if (type == null || !EventIndices.TYPES.contains(type)) {
                log.warn("skipped event {} of log record {}/{} for {}: unknown type {}", i, partition, offset,
                        batch.target(), type);
                continue;
            }
            writes.add(document(batch, type, event, partition, offset, i));
        }
        return writes;
    }

    private static EventWrite document(MetricEventBatch batch, String type, Map<String, Object> event, int partition,
                                       long offset, int index) {
        Map<String, Object> doc = new LinkedHashMap<>(event);
        NOT_STORED.forEach(doc::remove);
        String metric = EventValues.name(event.get(EventFields.METRIC));
        String variant = EventValues.name(event.get(EventFields.VARIANT));
        Long iter = EventValues.integer(event.get(EventFields.ITER));
        doc.put(EventFields.TASK, batch.target());
        doc.put(EventFields.TYPE, type);
        doc.put(EventFields.COMPANY, batch.company());
        doc.put(EventFields.MODEL_EVENT, batch.model());
        doc.put(EventFields.METRIC, metric);
        doc.put(EventFields.VARIANT, variant);
        if (iter != null) {
            doc.put(EventFields.ITER, iter);
        }
        if (!(doc.get(EventFields.WRITE_TIME) instanceof String)) {
            Instant at = batch.audit() != null && batch.audit().at() != null ? batch.audit().at() : Instant.now();
            doc.put(EventFields.WRITE_TIME, at.toString());
        }
        doc.put(EventFields.SEQ, EventDocumentIds.sequence(partition, offset, index));
        String key = null;
        switch (type) {
            case EventIndices.VECTOR -> {
                if (!doc.containsKey(EventFields.VALUE) && doc.containsKey(VECTOR_VALUES)) {
                    doc.put(EventFields.VALUE, doc.remove(VECTOR_VALUES));
                }
            }
            case EventIndices.PLOT -> storePlot(doc);
            case EventIndices.IMAGE -> key = EventValues.text(doc.get(EventFields.KEY));
            default -> {
            }
        }
        String id = type.equals(EventIndices.LOG)
                ? EventDocumentIds.logEventId(batch.target(), partition, offset, index)
                : EventDocumentIds.metricEventId(batch.target(), iter, metric, variant, key);
        return new EventWrite(EventIndices.index(type, batch.company()), id, doc);
    }

    private static void storePlot(Map<String, Object> doc) {
        Object raw = doc.get(EventFields.PLOT_STR);
        String plotStr = raw instanceof String s ? s : raw == null ? "" : String.valueOf(raw);
        doc.put(EventFields.PLOT_LEN, plotStr.length());
        List<String> urls = PlotSourceUrls.find(plotStr);
        if (!urls.isEmpty()) {
            doc.put(EventFields.SOURCE_URLS, urls);
        }
        if (plotStr.length() >= PlotData.COMPRESS_FROM) {
            doc.remove(EventFields.PLOT_STR);
            doc.put(EventFields.PLOT_DATA, PlotData.compress(plotStr));
        } else {
            doc.put(EventFields.PLOT_STR, plotStr);
        }
    }
}
