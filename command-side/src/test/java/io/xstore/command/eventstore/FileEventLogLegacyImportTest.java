package io.xstore.command.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static io.xstore.command.eventstore.EventStoreTestSupport.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Imports {@code legacy-h2-store/axon.mv.db}, written by the server before the file store (see expected.json next to
 * it), and compares every record with the rows of the H2 table.
 */
class FileEventLogLegacyImportTest {

    private static final String FIXTURE = "/legacy-h2-store/";

    @TempDir
    Path tmp;

    @Test
    void copiesEveryRowInOrderAndRetiresTheOldFile() throws Exception {
        List<Row> rows = readRows(copyFixture(tmp.resolve("reference")));
        Path dataDir = tmp.resolve("data");
        Path legacy = copyFixture(dataDir.resolve("eventstore"));
        Path logDir = dataDir.resolve("eventlog");
        List<String> progress = new ArrayList<>();

        LegacyJpaEventStoreImport legacyImport = new LegacyJpaEventStoreImport(
                LegacyJpaEventStoreImport.legacyDbFile(dataDir), logDir);
        LegacyJpaEventStoreImport.Summary summary = legacyImport.runIfNeeded(progress::add).orElseThrow();

        JsonNode facts = new ObjectMapper().readTree(getClass().getResource(FIXTURE + "expected.json"));
        assertThat(summary.events()).isEqualTo(facts.get("eventCount").asLong()).isEqualTo(rows.size());
        assertThat(progress).isNotEmpty();
        assertThat(legacy).doesNotExist();
        assertThat(summary.renamedTo()).exists();
        assertThat(summary.renamedTo().getFileName().toString()).startsWith("axon.mv.db.migrated-");
        assertThat(logDir.resolve(LegacyJpaEventStoreImport.MARKER)).doesNotExist();
        assertThat(legacyImport.runIfNeeded(progress::add)).isEmpty();

        try (FileEventStorageEngine engine = open(logDir)) {
            List<StoredEvent> stored = engine.readRaw(0, Long.MAX_VALUE).toList();
            assertThat(stored).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                StoredEvent event = stored.get(i);
                assertThat(event.globalIndex()).isEqualTo(i);
                assertThat(event.getEventIdentifier()).isEqualTo(row.eventId);
                assertThat(event.getType()).isEqualTo(row.type);
                assertThat(event.getAggregateIdentifier()).isEqualTo(row.aggregateId);
                assertThat(event.getSequenceNumber()).isEqualTo(row.sequence);
                assertThat(event.getTimestamp()).isEqualTo(Instant.parse(row.timestamp));
                assertThat(event.payloadType()).isEqualTo(row.payloadType);
                assertThat(event.payloadRevision()).isEqualTo(row.payloadRevision);
                assertThat(event.payloadBytes()).isEqualTo(row.payload);
                assertThat(event.metaDataBytes()).isEqualTo(row.metaData);
            }
            assertThat(stored.stream().map(StoredEvent::getEventIdentifier).toList()).isEqualTo(
                    textList(facts.get("eventIdentifiersInOrder")));

            Map<String, List<String>> payloadTypes = new LinkedHashMap<>();
            for (JsonNode aggregate : facts.get("aggregates")) {
                payloadTypes.put(aggregate.get("id").asText(), textList(aggregate.get("payloadTypes")));
            }
            for (var aggregate : payloadTypes.entrySet()) {
                assertThat(engine.readEventData(aggregate.getKey(), 0).map(e -> e.getPayload().getType().getName())
                        .toList()).as(aggregate.getKey()).isEqualTo(aggregate.getValue());
            }
            // the copied JSON still deserializes into today's event classes
            List<Object> payloads = engine.readEvents(0, Long.MAX_VALUE)
                    .map(m -> (Object) m.getPayload()).toList();
            assertThat(payloads).hasSize(rows.size());
            assertThat(payloads.get(0).getClass().getName()).isEqualTo(rows.get(0).payloadType);
        }
    }

    @Test
    void anInterruptedImportStartsOver() throws Exception {
        Path dataDir = tmp.resolve("data");
        copyFixture(dataDir.resolve("eventstore"));
        Path logDir = dataDir.resolve("eventlog");
        try (EventLog partial = EventLog.open(logDir, FsyncPolicy.NEVER, EventLog.DEFAULT_SEGMENT_BYTES)) {
            partial.submit(List.of(FileEventLogConcurrencyTest.pending("half-done", 0))).join();
        }
        Files.createFile(logDir.resolve(LegacyJpaEventStoreImport.MARKER));
        List<String> progress = new ArrayList<>();

        Optional<LegacyJpaEventStoreImport.Summary> summary = new LegacyJpaEventStoreImport(
                LegacyJpaEventStoreImport.legacyDbFile(dataDir), logDir).runIfNeeded(progress::add);

        assertThat(summary).map(LegacyJpaEventStoreImport.Summary::events).contains(66L);
        assertThat(progress).anyMatch(line -> line.contains("interrupted"));
        try (FileEventStorageEngine engine = open(logDir)) {
            assertThat(engine.head()).isEqualTo(65);
            assertThat(engine.lastSequenceNumberFor("half-done")).isEmpty();
        }
    }

    @Test
    void aLogWithEventsIsNeverOverwritten() throws Exception {
        Path dataDir = tmp.resolve("data");
        Path legacy = copyFixture(dataDir.resolve("eventstore"));
        Path logDir = dataDir.resolve("eventlog");
        try (FileEventStorageEngine engine = open(logDir)) {
            engine.appendEvents(EventStoreTestSupport.event("newer", 0));
        }
        LegacyJpaEventStoreImport legacyImport = new LegacyJpaEventStoreImport(legacy, logDir);
        assertThatThrownBy(() -> legacyImport.runIfNeeded(line -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refusing");
        assertThat(legacy).exists();
        try (FileEventStorageEngine engine = open(logDir)) {
            assertThat(engine.head()).isZero();
        }
    }

    private record Row(String eventId, String type, String aggregateId, long sequence, String timestamp,
                       String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
    }

    private Path copyFixture(Path directory) throws Exception {
        Files.createDirectories(directory);
        Path target = directory.resolve("axon.mv.db");
        try (InputStream in = getClass().getResourceAsStream(FIXTURE + "axon.mv.db")) {
            Files.copy(in, target);
        }
        return target;
    }

    private static List<Row> readRows(Path h2File) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(LegacyJpaEventStoreImport.h2Url(h2File), "sa", "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM DOMAIN_EVENT_ENTRY ORDER BY GLOBAL_INDEX")) {
            while (result.next()) {
                rows.add(new Row(result.getString("EVENT_IDENTIFIER"), result.getString("TYPE"),
                        result.getString("AGGREGATE_IDENTIFIER"), result.getLong("SEQUENCE_NUMBER"),
                        result.getString("TIME_STAMP"), result.getString("PAYLOAD_TYPE"),
                        result.getString("PAYLOAD_REVISION"), result.getBytes("PAYLOAD"),
                        result.getBytes("META_DATA")));
            }
        }
        return rows;
    }

    private static List<String> textList(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
