package io.xstore.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import io.xstore.server.XstoreServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second server, its read models in memory, started twice on one data dir: the second start rebuilds them from
 * the event store before it opens its port and before the credentials bootstrap. It borrows Elasticsearch and
 * Kafka from the shared test server, so a start costs only the Spring context.
 */
@ExtendWith(OutputCaptureExtension.class)
class MemoryStorageRestartIT extends ServerTestSupport {

    @Autowired
    BackingServices sharedServices;

    @Test
    void theReadModelsAreRebuiltAtStart(CapturedOutput output) throws Exception {
        Path dataDir = DATA_DIR.resolveSibling(DATA_DIR.getFileName() + "-memory");
        int[] ports = freePorts();
        String task;
        String project;
        try (ConfigurableApplicationContext first = start(dataDir, ports)) {
            ApiClient api = new ApiClient("http://127.0.0.1:" + ports[0]);
            project = api.call("/projects.create", Map.of("name", "memory-" + UUID.randomUUID()))
                    .data().get("id").asText();
            task = api.call("/tasks.create", Map.of("name", "kept by replay", "type", "training", "project", project))
                    .data().get("id").asText();
            api.call("/tasks.edit", Map.of("task", task, "comment", "edited"));
        }
        int secondStartAt = output.getAll().length();

        try (ConfigurableApplicationContext second = start(dataDir, ports)) {
            String log = output.getAll().substring(secondStartAt);
            ApiClient api = new ApiClient("http://127.0.0.1:" + ports[0]);
            var found = api.call("/tasks.get_by_id", Map.of("task", task)).data().get("task");

            assertThat(found.get("comment").asText()).isEqualTo("edited");
            assertThat(found.get("project").asText()).isEqualTo(project);
            // the test's 5 events and the 2 system queues (default, services) created at the first start; the
            // projectors may reach the head on their own before the warm-up looks: either line shows it waited
            String caughtUp = log.contains("read models: catch-up of 7 events done")
                    ? "read models: catch-up of 7 events done" : "read models: catch-up found them at the head";
            assertThat(log).contains(caughtUp);
            assertThat(log).as("every projection caught up").doesNotContain("did not catch up");
            assertThat(log).as("the credentials were rebuilt before the bootstrap looked for them")
                    .doesNotContain("provisioned configured credentials");
            assertThat(log.indexOf(caughtUp)).isLessThan(log.indexOf("xstore ready"));
        }
    }

    private ConfigurableApplicationContext start(Path dataDir, int[] ports) {
        List<String> args = new ArrayList<>(List.of(
                "--xstore.data-dir=" + dataDir,
                "--xstore.mongo.embedded-storage=memory",
                "--xstore.elastic.url=" + sharedServices.endpoint(BackingService.ELASTICSEARCH),
                "--xstore.kafka.bootstrap-servers=" + sharedServices.endpoint(BackingService.KAFKA),
                "--xstore.api.port=" + ports[0],
                "--server.port=" + ports[0],
                "--xstore.fileserver.port=" + ports[1],
                "--xstore.webapp.port=" + ports[2],
                "--xstore.auth.token-secret=test-token-secret-0123456789abcdef0123456789abcdef",
                "--xstore.auth.credentials[0].access-key=" + ApiClient.ACCESS_KEY,
                "--xstore.auth.credentials[0].secret-key=" + ApiClient.SECRET_KEY,
                "--xstore.auth.credentials[0].user-name=tests",
                "--xstore.auth.credentials[0].role=admin"));
        return new SpringApplicationBuilder(XstoreServer.class).run(args.toArray(String[]::new));
    }

    private static int[] freePorts() throws IOException {
        try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket c = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new int[] {a.getLocalPort(), b.getLocalPort(), c.getLocalPort()};
        }
    }
}
