package io.xstore.query.events;

import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code vector_metrics_iter_histogram}: the vectors of one metric/variant by iteration (at most 10000). */
@Component
public class VectorHistograms {

    private final EventSearch search;

    public VectorHistograms(EventSearch search) {
        this.search = search;
    }

    public Map<String, Object> vectors(EventTarget target, String metric, String variant) {
        List<Object> iterations = new ArrayList<>();
        List<Object> vectors = new ArrayList<>();
        search.all(List.of(EventIndices.index(EventIndices.VECTOR, target.indexCompany())),
                EventQueries.and(EventQueries.term(EventFields.TASK, target.id()),
                        EventQueries.term(EventFields.METRIC, metric), EventQueries.term(EventFields.VARIANT, variant)),
                List.of(EventQueries.asc(EventFields.ITER), EventQueries.asc(EventFields.SEQ)),
                List.of(EventFields.ITER, EventFields.VALUE), EventSearch.MAX_PAGE).forEach(event -> {
                    iterations.add(event.get(EventFields.ITER));
                    vectors.add(event.get(EventFields.VALUE));
                });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("metric", metric);
        result.put("variant", variant);
        result.put("vectors", vectors);
        result.put("iterations", iterations);
        return result;
    }
}
