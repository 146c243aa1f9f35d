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

        assertThat(snapshot()).isEqualTo(live);
        assertThat(progress).last().asString().startsWith("replayed ");
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
                List.of(Map.of("key", "data", "type", "custom", "uri", "file:///tmp/x", "mode", "output"))));
        String model = api.call("/models.create", Map.of("name", "replayed model", "uri", "file:///tmp/m.pt",
                "project", project, "task", task)).data().get("id").asText();
        api.call("/tasks.add_or_update_model", Map.of("task", task, "name", "m", "model", model, "type", "output"));
        api.call("/tasks.completed", Map.of("task", task));
        api.call("/auth.create_credentials", Map.of("label", "replay"));
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
