package io.xstore.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server started on a data directory of an older format (one written before the format file existed) upgrades
 * it: the read models are rebuilt from the event store, the format file is written, and one log line says so.
 */
class DataDirUpgradeIT {

    @Test
    void aFormatOneDataDirectoryIsUpgradedOnStartAndSaysSoInOneLine() throws Exception {
        Path dataDir = Files.createTempDirectory("xstore-upgrade-it-");
        try (ServerProcess server = ServerProcess.on(dataDir)) {
            server.start().awaitReady(Duration.ofMinutes(3));
            String task = server.api().data("tasks.create", Map.of("name", "before the upgrade", "type", "training"))
                    .get("id").asText();
            server.stop();
            Path format = dataDir.resolve("format-version");
            assertThat(format).exists();
            Files.delete(format); // as a server before the operations tool left it

            server.start().awaitReady(Duration.ofMinutes(3));

            String log = Files.readString(server.logFile());
            assertThat(log.lines().filter(line -> line.contains("upgraded from format 1"))).singleElement()
                    .asString().contains("read models rebuilt from");
            assertThat(Files.readString(format)).contains("format=2", "upgraded-from=1");
            assertThat(server.api().data("tasks.get_by_id", Map.of("task", task)).path("task").path("name").asText())
                    .isEqualTo("before the upgrade");
        } finally {
            try (var paths = Files.walk(dataDir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
