package io.xstore.server.events;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.readmodel.events.EventIndices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timing of the downsampled histogram on one series of a million points (opt-in: -Dxstore.bench.downsampling=true;
 * loading the points takes a few minutes). Prints the timings next to a plain average-only histogram.
 */
@EnabledIfSystemProperty(named = "xstore.bench.downsampling", matches = "true")
class DownsamplingBenchmarkReadIT extends AbstractEventsReadIT {

    private static final int POINTS = 1_000_000;

    @Test
    void millionPointSeries() throws Exception {
        String task = createTask();
        String company = companyOf(task);
        long load = System.nanoTime();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < POINTS; i++) {
            double value = i == 654_321 ? 0.0 : 1.0 + Math.sin(i / 1000.0) * 0.01;
            batch.add(scalar(task, company, "loss", "train", i, value, 1_700_000_000_000L + i));
            if (batch.size() == 20_000) {
                bulk(batch, false);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            bulk(batch, true);
        }
        String index = EventIndices.index(EventIndices.SCALAR, company);
        elasticsearchClient.indices().refresh(r -> r.index(index));
        elasticsearchClient.indices().forcemerge(f -> f.index(index).maxNumSegments(1L));
        System.out.printf("BENCH loaded %d points in %d ms%n", POINTS, (System.nanoTime() - load) / 1_000_000);

        for (String key : List.of("iter", "timestamp")) {
            for (int run = 0; run < 4; run++) {
                long start = System.nanoTime();
                JsonNode series = ok("events.scalar_metrics_iter_histogram", Map.of("task", task, "key", key))
                        .get("loss").get("train");
                long ms = (System.nanoTime() - start) / 1_000_000;
                List<Long> x = ScalarsReadIT.longs(series.get("x"));
                int drop = x.indexOf(key.equals("iter") ? 654_321L : 1_700_000_000_000L + 654_321);
                assertThat(drop).isNotNegative();
                assertThat(series.get("y").get(drop).asDouble()).isEqualTo(0.0);
                System.out.printf("BENCH key=%s run %d: %d points returned in %d ms%n", key, run, x.size(), ms);
            }
        }
        for (int run = 0; run < 4; run++) {
            long start = System.nanoTime();
            SearchResponse<Void> average = elasticsearchClient.search(s -> s.index(index).size(0)
                    .query(q -> q.term(t -> t.field("task").value(task)))
                    .aggregations("h", a -> a.histogram(h -> h.field("iter").interval(500.0).minDocCount(1))
                            .aggregations("avg", v -> v.avg(m -> m.field("value")))), Void.class);
            System.out.printf("BENCH average-only histogram (reference) run %d: %d buckets in %d ms%n", run,
                    average.aggregations().get("h").histogram().buckets().array().size(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
