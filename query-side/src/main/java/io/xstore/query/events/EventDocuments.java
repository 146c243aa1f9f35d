package io.xstore.query.events;

import co.elastic.clients.elasticsearch.core.search.Hit;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.PlotData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stored event documents as the API returns them: {@code _source} without our {@code seq}, plots decompressed. */
final class EventDocuments {

    private EventDocuments() {
    }

    static Map<String, Object> toWire(Map<String, Object> source) {
        Map<String, Object> event = new LinkedHashMap<>(source);
        event.remove(EventFields.SEQ);
        PlotData.restore(event);
        return event;
    }

    static List<Map<String, Object>> toWire(List<Hit<Map<String, Object>>> hits) {
        List<Map<String, Object>> events = new ArrayList<>(hits.size());
        hits.forEach(hit -> events.add(toWire(hit.source())));
        return events;
    }

    static long longOf(Map<String, Object> source, String field, long fallback) {
        return source.get(field) instanceof Number n ? n.longValue() : fallback;
    }

    static Long longOrNull(Map<String, Object> source, String field) {
        return source.get(field) instanceof Number n ? n.longValue() : null;
    }

    static String stringOf(Map<String, Object> source, String field) {
        return source.get(field) instanceof String s ? s : "";
    }
}
