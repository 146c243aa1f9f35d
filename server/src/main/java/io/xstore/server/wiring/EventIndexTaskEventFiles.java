package io.xstore.server.wiring;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.QueryBuilders;
import io.xstore.command.model.TaskEventFiles;
import io.xstore.query.events.EventSearch;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The URLs of a task's debug images, read from the company's image event index (docs/api/behaviour-rules.md §4). */
@Component
public class EventIndexTaskEventFiles implements TaskEventFiles {

    /** More images than this are left on the file server (the SDK keeps about 100 files per metric and variant). */
    private static final int MAX_EVENTS = 100_000;

    private final EventSearch search;

    public EventIndexTaskEventFiles(EventSearch search) {
        this.search = search;
    }

    @Override
    public List<String> urlsOf(String taskId, String company) {
        Query query = QueryBuilders.bool(b -> b
                .filter(QueryBuilders.term(t -> t.field(EventFields.TASK).value(taskId)))
                .filter(QueryBuilders.exists(e -> e.field(EventFields.URL))));
        List<SortOptions> sort = List.of(SortOptions.of(s -> s.field(f -> f.field(EventFields.SEQ)
                .order(SortOrder.Asc))));
        Set<String> urls = new LinkedHashSet<>();
        for (Map<String, Object> event : search.all(EventIndices.indices(List.of(EventIndices.IMAGE), company), query,
                sort, List.of(EventFields.URL), MAX_EVENTS)) {
            if (event.get(EventFields.URL) instanceof String url && !url.isBlank()) {
                urls.add(url);
            }
        }
        return new ArrayList<>(urls);
    }
}
