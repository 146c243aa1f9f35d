package io.xstore.server.replay;

import io.xstore.projection.replay.ReadModelRebuilder;
import io.xstore.readmodel.Collections;
import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Dropping every read model and replaying the event store gives back exactly the live read models. */
class RebuildByReplayIT extends ServerTestSupport {

    private static final List<String> REPLAYED = List.of(Collections.TASKS, Collections.PROJECTS, Collections.MODELS,
            Collections.USERS, Collections.CREDENTIALS);

    @Autowired
    ReadModelRebuilder rebuilder;

    @Test
    void replayRebuildsTheLiveReadModels() {
        writeSomeHistory();
        Map<String, List<Document>> live = snapshot();

        List<String> progress = new ArrayList<>();
        rebuilder.rebuildAll(Duration.ofMinutes(2), progress::add);

        Map<String, List<Document>> rebuilt = snapshot();
        for (String collection : REPLAYED) {
            assertThat(differences(live.get(collection), rebuilt.get(collection))).as(collection).isEmpty();
        }
        assertThat(progress).last().asString().startsWith("read models: replay of ");
    }

    private void writeSomeHistory() {
        ApiClient api = new ApiClient(apiBaseUrl());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String project = api.call("/projects.create", Map.of("name", "replay-" + suffix + "/nested/leaf"))
                .data().get("id").asText();
        String task = api.call("/tasks.create", Map.of("name", "replayed task", "type", "training",
                "project", project)).data().get("id").asText();
        api.call("/tasks.edit", Map.of("task", task, "force", true,
                "hyperparams", Map.of("Args", Map.of("lr", Map.of("section", "Args", "name", "lr", "value", "0.1",
                        "type", "float"))),
                "tags", List.of("b", "a")));
        api.call("/tasks.started", Map.of("task", task));
        api.call("/tasks.add_or_update_artifacts", Map.of("task", task, "artifacts",
                List.of(Map.of("key", "data", "type", "custom", "uri", "file:///tmp/x", "mode", "output")),
                "force", true));
        String model = api.call("/models.create", Map.of("name", "replayed model", "uri", "file:///tmp/m.pt",
                "project", project, "task", task)).data().get("id").asText();
        api.call("/tasks.add_or_update_model", Map.of("task", task, "name", "m", "model", model, "type", "output"));
        api.call("/tasks.completed", Map.of("task", task));
        api.call("/auth.create_credentials", Map.of("label", "replay"));
    }

    /** Per document id, the fields whose live and rebuilt values differ (absent documents count as all fields). */
    private static Map<String, List<String>> differences(List<Document> live, List<Document> rebuilt) {
        Map<Object, Document> byId = new java.util.HashMap<>();
        rebuilt.forEach(doc -> byId.put(doc.get("_id"), doc));
        Map<String, List<String>> differences = new java.util.TreeMap<>();
        for (Document doc : live) {
            Document other = byId.remove(doc.get("_id"));
            if (other == null) {
                differences.put(String.valueOf(doc.get("_id")), List.of("missing after replay"));
                continue;
            }
            java.util.Set<String> keys = new java.util.TreeSet<>(doc.keySet());
            keys.addAll(other.keySet());
            List<String> fields = keys.stream()
                    .filter(k -> !java.util.Objects.equals(doc.get(k), other.get(k)))
                    .map(k -> k + ": " + doc.get(k) + " -> " + other.get(k))
                    .toList();
            if (!fields.isEmpty()) {
                differences.put(String.valueOf(doc.get("_id")), fields);
            }
        }
        byId.keySet().forEach(id -> differences.put(String.valueOf(id), List.of("only after replay")));
        return differences;
    }

    private Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> all = new java.util.TreeMap<>();
        for (String name : REPLAYED) {
            List<Document> docs = new ArrayList<>();
            mongoDatabase.getCollection(name).find().sort(new Document("_id", 1)).forEach(docs::add);
            all.put(name, docs);
        }
        return all;
    }
}
