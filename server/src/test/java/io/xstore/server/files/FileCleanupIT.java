package io.xstore.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.fileserver.storage.FileStorage;
import io.xstore.fileserver.storage.LocalDiskFileStorage;
import io.xstore.fileserver.storage.StoragePath;
import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Deleting a task or a model through the API deletes its files from the file server, visibly. */
class FileCleanupIT extends ServerTestSupport {

    private final ApiClient api = new ApiClient(apiBaseUrl());

    @Autowired
    private FileStorage storage;

    @Test
    void deletingATaskDeletesItsArtifactFilesAndSaysSo() throws Exception {
        String task = ok("/tasks.create", Map.of("name", "cleanup " + UUID.randomUUID(), "type", "training"))
                .get("id").asText();
        String stored = "cleanup/run." + task + "/artifacts/data/data.json";
        write(stored);
        String url = fileServerUrl() + "/" + stored;
        ok("/tasks.add_or_update_artifacts", Map.of("task", task, "artifacts", List.of(
                Map.of("key", "data", "type", "dict", "mode", "output", "uri", url),
                Map.of("key", "remote", "type", "custom", "mode", "output", "uri", "s3://bucket/x.bin"))));

        ok("/tasks.delete", Map.of("task", task, "force", true));

        JsonNode deletions = awaitFinished(task, 2);
        assertThat(byUrl(deletions, url).get("status").asText()).isEqualTo("done");
        assertThat(byUrl(deletions, url).get("result").asText()).isEqualTo("deleted");
        assertThat(byUrl(deletions, url).get("owner_kind").asText()).isEqualTo("task");
        assertThat(byUrl(deletions, "s3://bucket/x.bin").get("status").asText()).isEqualTo("skipped");
        assertThat(root().resolve(stored)).doesNotExist();
    }

    @Test
    void deletingAModelDeletesItsWeights() throws Exception {
        String stored = "cleanup/run." + UUID.randomUUID().toString().replace("-", "") + "/models/model.pt";
        write(stored);
        String url = fileServerUrl().replace("127.0.0.1", "localhost") + "/" + stored;
        String model = ok("/models.create", Map.of("name", "cleanup model", "uri", url)).get("id").asText();

        ok("/models.delete", Map.of("model", model));

        JsonNode deletion = awaitFinished(model, 1).get(0);
        assertThat(deletion.get("status").asText()).isEqualTo("done");
        assertThat(deletion.get("owner_kind").asText()).isEqualTo("model");
        assertThat(root().resolve(stored)).doesNotExist();
    }

    @Test
    void theOutcomeFiltersByStatusAndRefusesUnknownStatuses() {
        JsonNode none = ok("/files.get_deletions", Map.of("owner", "0123456789abcdef0123456789abcdef",
                "status", List.of("failed", "pending")));

        assertThat(none.get("deletions")).isEmpty();
        assertThat(none.get("total").asLong()).isZero();
        assertThat(api.call("/files.get_deletions", Map.of("status", "lost")).status()).isEqualTo(400);
        assertThat(api.call("/files.get_deletions", Map.of("page", -1)).status()).isEqualTo(400);
    }

    private JsonNode awaitFinished(String owner, int expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            JsonNode deletions = ok("/files.get_deletions", Map.of("owner", owner)).get("deletions");
            boolean finished = deletions.size() == expected;
            for (JsonNode deletion : deletions) {
                finished &= !deletion.get("status").asText().equals("pending");
            }
            if (finished || System.currentTimeMillis() > deadline) {
                assertThat(deletions).as("deletions of %s", owner).hasSize(expected);
                return deletions;
            }
            Thread.sleep(100);
        }
    }

    private static JsonNode byUrl(JsonNode deletions, String url) {
        for (JsonNode deletion : deletions) {
            if (deletion.get("url").asText().equals(url)) {
                return deletion;
            }
        }
        throw new AssertionError("no deletion of " + url + " in " + deletions);
    }

    private JsonNode ok(String path, Object body) {
        ApiClient.Reply reply = api.call(path, body);
        assertThat(reply.status()).as("%s -> %s", path, reply.body()).isEqualTo(200);
        return reply.data();
    }

    private void write(String stored) throws Exception {
        storage.write(StoragePath.of(stored), new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}));
        assertThat(root().resolve(stored)).exists();
    }

    private Path root() {
        return ((LocalDiskFileStorage) storage).root();
    }
}
