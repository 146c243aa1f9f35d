package io.xstore.query.engine;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WireDocumentsTest {

    // behaviour §2 last_metrics keys come out in ascending order at both levels
    @Test
    @SuppressWarnings("unchecked")
    void lastMetricsKeysAreSortedAtBothLevels() {
        Document stored = new Document("_id", "t").append("last_metrics", new Document("ff", new Document("b", 1)
                .append("a", 2)).append("0a", new Document("z", 3).append("c", 4)));

        Map<String, Object> wire = WireDocuments.render(stored);

        Map<String, Object> metrics = (Map<String, Object>) wire.get("last_metrics");
        assertThat(new ArrayList<>(metrics.keySet())).containsExactly("0a", "ff");
        assertThat(new ArrayList<>(((Map<String, Object>) metrics.get("ff")).keySet())).containsExactly("a", "b");
        assertThat(new ArrayList<>(((Map<String, Object>) metrics.get("0a")).keySet())).containsExactly("c", "z");
    }

    // behaviour §9 artifacts always carry display_data
    @Test
    @SuppressWarnings("unchecked")
    void artifactsWithoutDisplayDataGetAnEmptyList() {
        Document stored = new Document("_id", "t").append("execution", new Document("artifacts",
                List.of(new Document("key", "a").append("mode", "output"))));

        Map<String, Object> execution = (Map<String, Object>) WireDocuments.render(stored).get("execution");

        assertThat(((List<Map<String, Object>>) execution.get("artifacts")).get(0).get("display_data"))
                .isEqualTo(List.of());
    }
}
