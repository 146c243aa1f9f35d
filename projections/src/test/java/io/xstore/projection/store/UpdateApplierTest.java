package io.xstore.projection.store;

import com.mongodb.client.model.Updates;
import io.xstore.api.metrics.EventTypeActivity;
import io.xstore.api.metrics.MetricSummary;
import io.xstore.projection.summary.LastMetricsUpdates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Updates read as the builders hold them give the documents that encoding them to BSON and decoding that gives. */
class UpdateApplierTest {

    private static Document base() {
        return new Document("_id", "t1").append("name", "n").append("tags", new ArrayList<>(List.of("a")))
                .append("execution", new Document("queue", "q").append("artifacts", new ArrayList<>()))
                .append("last_iteration", 5).append("last_metrics", new Document());
    }

    private static List<Bson> updates() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("value", "0.1");
        nested.put("when", Instant.parse("2026-01-01T00:00:00Z"));
        nested.put("list", List.of(1, 2L, 3.5f, Map.of("k", "v")));
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("name", "renamed"),
                Updates.set("hyperparams.Args.lr", nested),
                Updates.unset("execution.queue"),
                Updates.max("last_iteration", 12L),
                Updates.min("started", new Date(1000)),
                Updates.inc("runs", 1),
                Updates.addToSet("tags", "b"),
                Updates.addEachToSet("system_tags", List.of("x", "y", "x")),
                new Document("$set", new Document("status", "in_progress").append("changed", new Date(5)))));
        updates.addAll(LastMetricsUpdates.of(300L, List.of(new MetricSummary("loss", "train", "h1", "h2", 0.5, 0.4,
                10, 2.0, 0, 2.0, 0, 30, 0.9, null)), List.of(new EventTypeActivity("loss", "h1",
                "training_stats_scalar", 1234L))));
        return updates;
    }

    @Test
    void buildersAreAppliedAsTheirBsonWouldBe() {
        Document fast = base();
        Document viaBson = base();
        for (Bson update : updates()) {
            List<Object[]> operations = new ArrayList<>();
            assertThat(UpdateApplier.Builders.flatten(update, operations)).as(update.toString()).isTrue();
            UpdateApplier.apply(fast, update);
            applyDecoded(viaBson, update);
        }
        assertThat(fast).isEqualTo(viaBson);
        assertThat(fast.get("hyperparams", Document.class).get("Args", Document.class).get("lr", Document.class)
                .get("when")).isInstanceOf(Date.class);
        // a combined update too
        Document combined = base();
        UpdateApplier.apply(combined, Updates.combine(updates()));
        assertThat(combined).isEqualTo(viaBson);
    }

    @Test
    void appliedValuesAreCopiesNotTheEventsObjects() {
        Map<String, Object> value = new LinkedHashMap<>(Map.of("a", 1));
        Document target = base();
        UpdateApplier.apply(target, Updates.set("m", value));
        UpdateApplier.apply(target, Updates.set("m.b", 2));
        assertThat(value).isEqualTo(Map.of("a", 1));
    }

    private static void applyDecoded(Document target, Bson update) {
        Document decoded = UpdateApplier.decode(update);
        // the BSON way, as before: re-applied through a plain update document holding decoded values
        UpdateApplier.apply(target, decoded);
    }
}
