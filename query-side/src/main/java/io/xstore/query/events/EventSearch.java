package io.xstore.query.events;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Searches over event indices. A missing index means "no events", never an error: every request ignores unavailable
 * indices and allows patterns or lists that match nothing.
 */
@Component
public class EventSearch {

    /** Elasticsearch's default {@code index.max_result_window}: the largest page one request may ask for. */
    public static final int MAX_PAGE = 10_000;
    private static final long[] RETRY_PAUSES_MS = {100, 300};

    private final ElasticsearchClient client;

    public EventSearch(ElasticsearchClient client) {
        this.client = client;
    }

    /** A request over {@code indices} with the lenient index options; the caller adds the rest. */
    public static SearchRequest.Builder request(List<String> indices) {
        return new SearchRequest.Builder().index(indices).ignoreUnavailable(true).allowNoIndices(true)
                .trackTotalHits(t -> t.enabled(false));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public ResponseBody<Map<String, Object>> search(SearchRequest request) {
        if (request.index().isEmpty()) {
            throw new IllegalArgumentException("a search needs at least one index");
        }
        return attempt(() -> (ResponseBody<Map<String, Object>>) (ResponseBody) client.search(request, Map.class));
    }

    public ResponseBody<Map<String, Object>> search(List<String> indices,
                                                      Function<SearchRequest.Builder, SearchRequest.Builder> body) {
        return search(body.apply(request(indices)).build());
    }

    /**
     * Several searches in one round trip, answers in request order; each request's own index list and options are
     * taken over into its header.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List<ResponseBody<Map<String, Object>>> searchAll(List<SearchRequest> requests) {
        List<ResponseBody<Map<String, Object>>> answers = new ArrayList<>();
        for (int from = 0; from < requests.size(); from += 50) {
            List<SearchRequest> chunk = requests.subList(from, Math.min(requests.size(), from + 50));
            MsearchRequest multi = MsearchRequest.of(m -> {
                for (SearchRequest r : chunk) {
                    m.searches(item -> item
                            .header(h -> h.index(r.index()).ignoreUnavailable(true).allowNoIndices(true))
                            .body(b -> {
                                b.size(r.size()).query(r.query()).aggregations(r.aggregations()).sort(r.sort())
                                        .trackTotalHits(r.trackTotalHits());
                                if (r.source() != null) {
                                    b.source(r.source());
                                }
                                if (!r.searchAfter().isEmpty()) {
                                    b.searchAfter(r.searchAfter());
                                }
                                return b;
                            }));
                }
                return m;
            });
            answers.addAll(attempt(() -> {
                List<ResponseBody<Map<String, Object>>> chunkAnswers = new ArrayList<>();
                for (MultiSearchResponseItem item : client.msearch(multi, Map.class).responses()) {
                    if (item.isFailure()) {
                        var failure = ((MultiSearchResponseItem<?>) item).failure();
                        if (failure.status() >= 500) {
                            throw new IOException("a search of the batch failed: " + failure.error().reason());
                        }
                        throw new IllegalStateException("elasticsearch rejected a search: " + failure.error().reason());
                    }
                    chunkAnswers.add((ResponseBody<Map<String, Object>>) item.result());
                }
                return chunkAnswers;
            }));
        }
        return answers;
    }

    /** One round trip to Elasticsearch, which may throw what its client throws. */
    private interface Call<T> {
        T run() throws IOException;
    }

    /**
     * Runs a search, again after {@link #RETRY_PAUSES_MS} when it failed on the server's side or on the way: an
     * online reindex deletes the old index of a name in the same step that points the name at the new one
     * (docs/operations.md), so a search running at that moment fails once and finds the new index when repeated.
     * A rejected request (4xx) is not repeated.
     */
    private static <T> T attempt(Call<T> call) {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.run();
            } catch (IOException e) {
                if (attempt == RETRY_PAUSES_MS.length) {
                    throw new UncheckedIOException("elasticsearch search failed", e);
                }
            } catch (ElasticsearchException e) {
                if (e.status() < 500 || attempt == RETRY_PAUSES_MS.length) {
                    throw new IllegalStateException("elasticsearch rejected a search: " + e.getMessage(), e);
                }
            }
            try {
                Thread.sleep(RETRY_PAUSES_MS[attempt]);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while repeating a search", interrupted);
            }
        }
    }

    /**
     * Every document matching {@code query}, in {@code sort} order (which must end with a unique key), handed page
     * by page to {@code page} until it returns false or the documents run out. Memory stays at one page.
     */
    public void forEachPage(List<String> indices, Query query, List<SortOptions> sort, List<String> sourceFields,
                            int pageSize, Function<List<Hit<Map<String, Object>>>, Boolean> page) {
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            ResponseBody<Map<String, Object>> response = search(indices, b -> {
                b.query(query).sort(sort).size(pageSize);
                if (sourceFields != null) {
                    b.source(s -> s.filter(f -> f.includes(sourceFields)));
                }
                if (from != null) {
                    b.searchAfter(from);
                }
                return b;
            });
            List<Hit<Map<String, Object>>> hits = response.hits().hits();
            if (hits.isEmpty() || !page.apply(hits) || hits.size() < pageSize) {
                return;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /** Every matching document (at most {@code limit}), in {@code sort} order. */
    public List<Map<String, Object>> all(List<String> indices, Query query, List<SortOptions> sort,
                                         List<String> sourceFields, int limit) {
        List<Map<String, Object>> documents = new ArrayList<>();
        forEachPage(indices, query, sort, sourceFields, Math.min(MAX_PAGE, Math.max(1, limit)), hits -> {
            for (Hit<Map<String, Object>> hit : hits) {
                if (documents.size() >= limit) {
                    return false;
                }
                documents.add(hit.source());
            }
            return documents.size() < limit;
        });
        return documents;
    }

    /** How many documents match, counted exactly up to {@code cap}. */
    public long count(List<String> indices, Query query, int cap) {
        ResponseBody<Map<String, Object>> response = search(indices, b -> b.query(query).size(0)
                .trackTotalHits(t -> t.count(cap)));
        return response.hits().total() == null ? 0 : Math.min(cap, response.hits().total().value());
    }
}
