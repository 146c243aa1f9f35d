package io.xstore.migration.ops.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MongoDB's stored forms of a ClearML server become the API's shapes. */
class StoredShapesTest {

    @Test
    void escapedKeysAreUnescaped() {
        assertThat(StoredShapes.unescapeKey("lr%2Einit")).isEqualTo("lr.init");
        assertThat(StoredShapes.unescapeKey("%24price")).isEqualTo("$price");
        assertThat(StoredShapes.unescapeKey("a%_%_b")).isEqualTo("a__b");
        assertThat(StoredShapes.unescapeKey("%_internal")).isEqualTo("_internal");
        assertThat(StoredShapes.unescapeKey("50%%%2E")).isEqualTo("50%.");
        assertThat(StoredShapes.unescapeKey("plain")).isEqualTo("plain");
    }

    @Test
    @SuppressWarnings("unchecked")
    void hyperparameterSectionsAndNamesAreUnescapedTwoLevelsDeep() {
        Map<String, Object> stored = Map.of("%_Args", Map.of("lr%2Einit", Map.of("value%2Ex", "0.1")));

        Map<String, Object> api = StoredShapes.unescapeKeys(stored, 2);

        assertThat(api).containsKey("_Args");
        Map<String, Object> section = (Map<String, Object>) api.get("_Args");
        assertThat(section).containsKey("lr.init");
        assertThat((Map<String, Object>) section.get("lr.init")).containsKey("value%2Ex");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStoredArtifactMapBecomesAListOrderedByKeyAndMode() {
        Map<String, Object> artifacts = new LinkedHashMap<>();
        artifacts.put("h2_output", Map.of("key", "model", "mode", "output"));
        artifacts.put("h1_output", Map.of("key", "data", "mode", "output"));
        artifacts.put("h1_input", Map.of("key", "data", "mode", "input"));

        Map<String, Object> execution = StoredShapes.artifactsAsList(Map.of("artifacts", artifacts, "queue", "q"));

        assertThat((List<Object>) execution.get("artifacts")).containsExactly(Map.of("key", "data", "mode", "input"),
                Map.of("key", "data", "mode", "output"), Map.of("key", "model", "mode", "output"));
        assertThat(execution.get("queue")).isEqualTo("q");
    }
}
