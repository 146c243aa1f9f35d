package io.xstore.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.xstore.projection.replay.ReadModelRebuilder;
import io.xstore.server.ServerTestSupport;
import io.xstore.server.XstoreServer;
import io.xstore.server.embedded.BackingService;
import io.xstore.server.embedded.BackingServices;
import io.xstore.server.embedded.FreePort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The event log written by the code of 2026-12-06 (the history fixture) replays, through the server's own replay
 * path ({@link ReadModelRebuilder}, as {@code --migrate=rebuild-read-models}), into exactly the read models that
 * code built from it. A second server on the fixture's log, its read models in memory, borrows Elasticsearch and
 * Kafka from the shared test server. {@code -Dxstore.history-fixtures.write=true} rewrites the checked-in dump
 * (run from the server module's directory) instead of comparing.
 */
class HistoryFixtureReplayTest extends ServerTestSupport {

    private static final Logger log = LoggerFactory.getLogger(HistoryFixtureReplayTest.class);

    @Autowired
    BackingServices sharedServices;

    @Test
    void theFixtureLogReplaysIntoTheCheckedInReadModels(@TempDir Path dataDir) throws Exception {
        HistoryFixtures.copyEventLog(dataDir);
        try (ConfigurableApplicationContext server = start(dataDir)) {
            MongoDatabase database = server.getBean(MongoDatabase.class);
            // the start-up warm-up has replayed the whole log into the empty in-memory read models
            Map<String, String> atStart = HistoryFixtures.dumpReadModels(database);

            long replayed = server.getBean(ReadModelRebuilder.class).rebuildAll(Duration.ofMinutes(2), log::info);
            Map<String, String> rebuilt = HistoryFixtures.dumpReadModels(database);

            // the fixture's events, and the system queues a first start of today's server adds (default, services)
            assertThat(replayed).isEqualTo(HistoryFixtures.EVENT_COUNT + 2);
            assertThat(rebuilt).as("two replays of one log give the same read models").isEqualTo(atStart);
            if (Boolean.getBoolean("xstore.history-fixtures.write")) {
                HistoryFixtures.writeReadModels(rebuilt);
                return;
            }
            Map<String, String> expected = HistoryFixtures.expectedReadModels();
            for (String collection : HistoryFixtures.READ_MODELS) {
                assertThat(rebuilt.get(collection)).as(collection).isEqualTo(expected.get(collection));
            }
        }
    }

    private ConfigurableApplicationContext start(Path dataDir) {
        int[] ports = FreePort.distinct(3);
        List<String> args = new ArrayList<>(List.of(
                "--xstore.data-dir=" + dataDir,
                "--xstore.mongo.embedded-storage=memory",
                "--xstore.elastic.url=" + sharedServices.endpoint(BackingService.ELASTICSEARCH),
                "--xstore.kafka.bootstrap-servers=" + sharedServices.endpoint(BackingService.KAFKA),
                "--xstore.events.topic=history-fixture-" + UUID.randomUUID(),
                "--xstore.api.port=" + ports[0],
                "--server.port=" + ports[0],
                "--xstore.fileserver.port=" + ports[1],
                "--xstore.webapp.port=" + ports[2],
                "--xstore.auth.token-secret=test-token-secret-0123456789abcdef0123456789abcdef"));
        return new SpringApplicationBuilder(XstoreServer.class).run(args.toArray(String[]::new));
    }
}
