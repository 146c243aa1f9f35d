package io.xstore.query.events;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code events.get_task_log}: console lines page by page, newest first ({@code navigate_earlier}) or oldest first,
 * continuing after {@code from_timestamp} (exclusive). Lines sharing the page's boundary timestamp all come in the
 * same page, so a client that continues from the last timestamp it saw neither skips nor repeats lines.
 */
@Component
public class TaskLogPages {

    /** The reference reports at most this many lines as the log's total. */
    static final int TOTAL_CAP = 10_000;

    private final EventSearch search;

    public TaskLogPages(EventSearch search) {
        this.search = search;
    }

    /**
     * @param ascending the order of the returned page, oldest first when true (by default the navigation order:
     *                  newest first when navigating earlier)
     */
    public Map<String, Object> page(EventTargets targets, int batchSize, boolean navigateEarlier,
                                    Long fromTimestamp, boolean ascending, List<MetricVariants> metrics) {
        List<String> indices = targets.indices(EventIndices.LOG);
        // the lines of the requested metrics only, also in the total (docs/api/behaviour-rules.md §3)
        Query task = EventQueries.and(EventQueries.tasks(targets.ids()), EventQueries.metrics(metrics));
        SortOrder direction = navigateEarlier ? SortOrder.Desc : SortOrder.Asc;
        List<SortOptions> sort = List.of(EventQueries.sort(EventFields.TIMESTAMP, direction),
                EventQueries.sort(EventFields.SEQ, direction));
        Query after = fromTimestamp == null ? null : navigateEarlier
                ? EventQueries.lessThan(EventFields.TIMESTAMP, fromTimestamp)
                : EventQueries.greaterThan(EventFields.TIMESTAMP, fromTimestamp);
        List<Hit<Map<String, Object>>> hits = search.search(indices, b -> b.query(EventQueries.and(task, after))
                .sort(sort).size(batchSize)).hits().hits();
        List<Map<String, Object>> events = new ArrayList<>(EventDocuments.toWire(hits));
        if (hits.size() == batchSize) {
            completeBoundary(indices, task, sort, events);
        }
        if (ascending == navigateEarlier) {
            Collections.reverse(events);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("events", events);
        result.put("returned", events.size());
        result.put("total", search.count(indices, task, TOTAL_CAP));
        return result;
    }

    /** Replaces the lines at the page's last timestamp by all lines of the task at that timestamp. */
    private void completeBoundary(List<String> indices, Query task, List<SortOptions> sort,
                                  List<Map<String, Object>> events) {
        Long boundary = EventDocuments.longOrNull(events.get(events.size() - 1), EventFields.TIMESTAMP);
        if (boundary == null) {
            return;
        }
        events.removeIf(e -> boundary.equals(EventDocuments.longOrNull(e, EventFields.TIMESTAMP)));
        Query sameTime = EventQueries.and(task, EventQueries.equal(EventFields.TIMESTAMP, boundary));
        search.all(indices, sameTime, sort, null, Integer.MAX_VALUE)
                .forEach(source -> events.add(EventDocuments.toWire(source)));
    }
}
