package io.xstore.projection.metrics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ExpandWildcard;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.transport.TransportException;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event index in Elasticsearch: bulk writes with {@code refresh=true} (searchable on return), deletes by
 * searching the matching documents and deleting them in bulk — which also yields the file URLs of deleted image and
 * plot events and does not need the delete-by-query module that the embedded node lacks.
 */
public final class ElasticsearchEventIndexSink implements EventIndexSink {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchEventIndexSink.class);
    private static final int DELETE_PAGE = 5_000;

    private final ElasticsearchClient client;
    private final EventIndexLayout layout;

    public ElasticsearchEventIndexSink(ElasticsearchClient client, EventIndexLayout layout) {
        this.client = client;
        this.layout = layout;
    }

    @Override
    public void prepare() {
        try {
            client.indices().putIndexTemplate(t -> t.name(EventIndexTemplate.NAME)
                    .indexPatterns(EventIndices.ALL_PATTERN)
                    .priority(EventIndexTemplate.PRIORITY)
                    .template(body -> body
                            .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                            .mappings(EventIndexTemplate.mapping())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create index template " + EventIndexTemplate.NAME, e);
        }
    }

    @Override
    public List<EventWrite> write(List<EventWrite> writes) {
        if (writes.isEmpty()) {
            return List.of();
        }
        BulkRequest.Builder request = new BulkRequest.Builder().refresh(Refresh.True);
        String lastName = null;
        for (EventWrite write : writes) {
            if (!write.index().equals(lastName)) {
                lastName = write.index();
                layout.prepareWrite(client, lastName);
            }
            String physical = layout.physical(write.index());
            request.operations(op -> op.index(i -> i.index(physical).id(write.id()).document(write.source())));
        }
        BulkResponse response;
        try {
            response = bulk(request.build());
        } catch (RuntimeException e) {
            int status = httpStatus(e);
            if (status != 400 && status != 413) {
                throw e;
            }
            return isolateRejected(writes, status);
        }
        if (!response.errors()) {
            return List.of();
        }
        List<EventWrite> retry = new ArrayList<>();
        Map<String, Rejection> rejected = new LinkedHashMap<>();
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() == null) {
                continue;
            }
            if (isTemporary(item.status())) {
                retry.add(writes.get(i));
            } else {
                String reason = item.error().type() + ": " + item.error().reason();
                EventWrite write = writes.get(i);
                rejected.computeIfAbsent(reason, r -> new Rejection(write)).count++;
            }
        }
        rejected.forEach((reason, rejection) -> log.error(
                "Elasticsearch rejected {} metric events (e.g. {} in {} of task {}): {}", rejection.count,
                rejection.example.id(), rejection.example.index(),
                rejection.example.source().get(EventFields.TASK), reason));
        return retry;
    }

    /**
     * A whole request refused for good (400 unreadable, 413 too large): the halves are sent separately, so only a
     * document refused on its own is dropped (logged) and the others are stored.
     */
    private List<EventWrite> isolateRejected(List<EventWrite> writes, int status) {
        if (writes.size() == 1) {
            EventWrite write = writes.get(0);
            log.error("Elasticsearch refused metric event {} in {} of task {} (HTTP {}, ~{} bytes)", write.id(),
                    write.index(), write.source().get(EventFields.TASK), status, write.approximateBytes());
            return List.of();
        }
        int half = writes.size() / 2;
        List<EventWrite> retry = new ArrayList<>(write(writes.subList(0, half)));
        retry.addAll(write(writes.subList(half, writes.size())));
        return retry;
    }

    private static int httpStatus(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransportException transport) {
                return transport.statusCode();
            }
            if (cause instanceof ElasticsearchException elastic) {
                return elastic.status();
            }
        }
        return -1;
    }

    @Override
    public void delete(EventSelection selection, DeletionTally tally) {
        Query query = query(selection);
        while (true) {
            SearchResponse<Map> page = search(selection, query);
            List<Hit<Map>> hits = page.hits().hits();
            if (hits.isEmpty()) {
                return;
            }
            BulkRequest.Builder request = new BulkRequest.Builder().refresh(Refresh.True);
            for (Hit<Map> hit : hits) {
                request.operations(op -> op.delete(d -> d.index(hit.index()).id(hit.id())));
            }
            BulkResponse response = bulk(request.build());
            long deleted = 0;
            String failure = null;
            for (int i = 0; i < response.items().size(); i++) {
                BulkResponseItem item = response.items().get(i);
                if (item.error() != null) {
                    failure = item.error().type() + ": " + item.error().reason();
                    continue;
                }
                if ("deleted".equals(item.result())) {
                    deleted++;
                    collectFileUrls(hits.get(i).source(), tally);
                }
            }
            tally.addDeleted(deleted);
            if (failure != null) {
                throw new IllegalStateException("deleting events of " + selection.target() + " failed: " + failure);
            }
        }
    }

    @Override
    public void dropAllIndices() {
        try {
            List<String> indices = new ArrayList<>(client.indices().get(g -> g.index(EventIndices.ALL_PATTERN)
                    .allowNoIndices(true).ignoreUnavailable(true)
                    .expandWildcards(ExpandWildcard.Open, ExpandWildcard.Closed)).result().keySet());
            for (int from = 0; from < indices.size(); from += 50) {
                List<String> chunk = indices.subList(from, Math.min(indices.size(), from + 50));
                client.indices().delete(d -> d.index(chunk).ignoreUnavailable(true));
            }
            layout.forgetPrepared();
            log.info("deleted {} event indices", indices.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the event indices", e);
        }
    }

    private static void collectFileUrls(Map<?, ?> source, DeletionTally tally) {
        if (source == null) {
            return;
        }
        if (EventIndices.IMAGE.equals(source.get(EventFields.TYPE))
                && source.get(EventFields.URL) instanceof String url) {
            tally.addFileUrl(url);
        }
        if (source.get(EventFields.SOURCE_URLS) instanceof List<?> urls) {
            urls.forEach(url -> tally.addFileUrl(url instanceof String s ? s : null));
        }
    }

    static Query query(EventSelection selection) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(f -> f.term(t -> t.field(EventFields.TASK).value(selection.target())));
        if (selection.olderThan() != null) {
            bool.filter(f -> f.range(r -> r.untyped(u -> u.field(EventFields.TIMESTAMP)
                    .lt(JsonData.of(selection.olderThan())))));
        }
        if (!selection.includeMetrics().isEmpty()) {
            bool.filter(f -> f.terms(t -> t.field(EventFields.METRIC).terms(v -> v.value(
                    selection.includeMetrics().stream().map(FieldValue::of).toList()))));
        }
        if (!selection.excludeMetrics().isEmpty()) {
            bool.mustNot(f -> f.terms(t -> t.field(EventFields.METRIC).terms(v -> v.value(
                    selection.excludeMetrics().stream().map(FieldValue::of).toList()))));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    @SuppressWarnings("rawtypes")
    private SearchResponse<Map> search(EventSelection selection, Query query) {
        try {
            List<String> indices = selection.indices().stream().map(layout::physical).toList();
            return client.search(s -> s.index(indices).ignoreUnavailable(true).allowNoIndices(true)
                    .query(query).size(DELETE_PAGE).trackTotalHits(t -> t.enabled(false))
                    .source(src -> src.filter(f -> f.includes(EventFields.TYPE, EventFields.URL,
                            EventFields.SOURCE_URLS))), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("search for events of " + selection.target() + " failed", e);
        }
    }

    private BulkResponse bulk(BulkRequest request) {
        try {
            return client.bulk(request);
        } catch (IOException e) {
            throw new UncheckedIOException("bulk request failed", e);
        }
    }

    private static boolean isTemporary(int status) {
        return status == 429 || status >= 500;
    }

    private static final class Rejection {
        private final EventWrite example;
        private int count;

        private Rejection(EventWrite example) {
            this.example = example;
        }
    }
}
