package io.xstore.server.events;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.readmodel.events.EventDocumentIds;
import io.xstore.readmodel.events.EventFields;
import io.xstore.readmodel.events.EventIndices;
import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the events read tests: tasks created through the API, their event documents written straight into the
 * event indices in the contract's shape (with refresh), then read over HTTP.
 */
abstract class AbstractEventsReadIT extends ServerTestSupport {

    static final String V = "/v2.23/";
    private static final AtomicLong SEQ = new AtomicLong(1);

    final ApiClient api = new ApiClient(apiBaseUrl());

    /** A new task of the test company; returns its id. */
    String createTask() {
        return ok("tasks.create", Map.of("name", "events read " + UUID.randomUUID(), "type", "training"))
                .get("id").asText();
    }

    String companyOf(String task) {
        return ok("tasks.get_by_id", Map.of("task", task)).get("task").get("company").asText();
    }

    JsonNode ok(String endpoint, Object body) {
        return okAt(V, endpoint, body);
    }

    /** The data of a successful call at an API version path such as {@code /v2.28/}. */
    JsonNode okAt(String versionPath, String endpoint, Object body) {
        ApiClient.Reply reply = api.call(versionPath + endpoint, body);
        assertThat(reply.status()).as("%s %s -> %s", endpoint, body, reply.body()).isEqualTo(200);
        return reply.data();
    }

    ApiClient.Reply call(String endpoint, Object body) {
        return api.call(V + endpoint, body);
    }

    void assertError(String endpoint, Object body, int code, int subcode) {
        ApiClient.Reply reply = call(endpoint, body);
        assertThat(reply.status()).as("%s %s -> %s", endpoint, body, reply.body()).isEqualTo(code);
        assertThat(reply.subcode()).as("subcode of %s", reply.body()).isEqualTo(subcode);
    }

    // ---- event documents

    static Map<String, Object> base(String task, String type, String company, String metric, String variant,
                                    Long iter, long timestamp) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(EventFields.TASK, task);
        doc.put(EventFields.TYPE, type);
        doc.put(EventFields.COMPANY, company);
        doc.put(EventFields.METRIC, metric);
        doc.put(EventFields.VARIANT, variant);
        doc.put(EventFields.TIMESTAMP, timestamp);
        doc.put(EventFields.WRITE_TIME, Instant.now().toString());
        doc.put(EventFields.MODEL_EVENT, false);
        doc.put(EventFields.WORKER, "test-worker");
        if (iter != null) {
            doc.put(EventFields.ITER, iter);
        }
        doc.put(EventFields.SEQ, SEQ.getAndIncrement());
        return doc;
    }

    static Map<String, Object> scalar(String task, String company, String metric, String variant, long iter,
                                      double value, long timestamp) {
        Map<String, Object> doc = base(task, EventIndices.SCALAR, company, metric, variant, iter, timestamp);
        doc.put(EventFields.VALUE, value);
        return doc;
    }

    static Map<String, Object> log(String task, String company, long timestamp, String level, String msg) {
        Map<String, Object> doc = base(task, EventIndices.LOG, company, "", "", null, timestamp);
        doc.put(EventFields.LEVEL, level);
        doc.put(EventFields.MSG, msg);
        return doc;
    }

    static Map<String, Object> image(String task, String company, String metric, String variant, long iter,
                                     String url) {
        Map<String, Object> doc = base(task, EventIndices.IMAGE, company, metric, variant, iter,
                1_700_000_000_000L + iter);
        doc.put(EventFields.URL, url);
        doc.put(EventFields.KEY, url.replaceFirst("^https?://[^/]+/", ""));
        return doc;
    }

    static Map<String, Object> plot(String task, String company, String metric, String variant, long iter,
                                    String plotStr) {
        Map<String, Object> doc = base(task, EventIndices.PLOT, company, metric, variant, iter,
                1_700_000_000_000L + iter);
        doc.put(EventFields.PLOT_STR, plotStr);
        doc.put(EventFields.PLOT_LEN, plotStr.length());
        return doc;
    }

    /** Indexes the documents (ids as the indexer makes them) and refreshes. */
    void index(List<Map<String, Object>> docs) {
        for (int from = 0; from < docs.size(); from += 10_000) {
            bulk(docs.subList(from, Math.min(docs.size(), from + 10_000)), true);
        }
    }

    void bulk(List<Map<String, Object>> docs, boolean refresh) {
        BulkRequest.Builder request = new BulkRequest.Builder();
        if (refresh) {
            request.refresh(Refresh.True);
        }
        for (Map<String, Object> doc : docs) {
            String type = (String) doc.get(EventFields.TYPE);
            String index = EventIndices.index(type, (String) doc.get(EventFields.COMPANY));
            String id = EventIndices.LOG.equals(type) ? UUID.randomUUID().toString().replace("-", "")
                    : EventDocumentIds.metricEventId((String) doc.get(EventFields.TASK),
                    doc.get(EventFields.ITER) instanceof Number n ? n.longValue() : null,
                    (String) doc.get(EventFields.METRIC), (String) doc.get(EventFields.VARIANT),
                    EventIndices.IMAGE.equals(type) ? (String) doc.get(EventFields.KEY) : null);
            request.operations(op -> op.index(i -> i.index(index).id(id).document(doc)));
        }
        try {
            BulkResponse response = elasticsearchClient.bulk(request.build());
            assertThat(response.errors()).as("bulk errors: %s", response.items().stream()
                    .filter(i -> i.error() != null).map(i -> i.error().reason()).findFirst().orElse("")).isFalse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
