package io.xstore.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.xstore.server.ServerTestSupport;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ElasticsearchRoundTripIT extends ServerTestSupport {

    record Metric(String task, String metric, double value, long iter) {
    }

    @Test
    void aDocumentIndexedThroughTheJavaClientIsFoundBySearch() throws IOException {
        String index = "it-round-trip-" + UUID.randomUUID().toString().substring(0, 8);
        elasticsearchClient.indices().create(c -> c.index(index).mappings(m -> m
                .properties("task", p -> p.keyword(k -> k))
                .properties("metric", p -> p.keyword(k -> k))
                .properties("value", p -> p.double_(d -> d))
                .properties("iter", p -> p.long_(l -> l))));

        elasticsearchClient.index(i -> i.index(index).id("1").document(new Metric("t1", "loss", 0.25, 7))
                .refresh(Refresh.True));
        SearchResponse<Metric> found = elasticsearchClient.search(s -> s.index(index)
                .query(q -> q.term(t -> t.field("task").value("t1"))), Metric.class);

        assertThat(found.hits().hits()).hasSize(1);
        assertThat(found.hits().hits().get(0).source()).isEqualTo(new Metric("t1", "loss", 0.25, 7));
    }

    @Test
    void indicesGetNoReplicasOnTheSingleNode() throws IOException {
        String index = "it-replicas-" + UUID.randomUUID().toString().substring(0, 8);
        elasticsearchClient.indices().create(c -> c.index(index));

        var settings = elasticsearchClient.indices().getSettings(g -> g.index(index)).get(index).settings().index();

        assertThat(settings.numberOfReplicas()).isEqualTo("0");
    }
}
