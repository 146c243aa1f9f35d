package io.xstore.server.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import io.xstore.readmodel.Collections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * The history fixture written by the code of 2026-12-06 (see its README.md): reading its event log, its stored-JSON
 * event files, and dumping read models in its normalized form. The one place that knows the fixture's layout, so
 * that later tests (upcasters) reuse it.
 */
public final class HistoryFixtures {

    /** The fixture's directory name under {@code history-fixtures/}. */
    public static final String FIXTURE = "2026-12-06";
    private static final String RESOURCE = "/history-fixtures/" + FIXTURE;
    /** Events in the fixture's log (global positions 0 to 87). */
    public static final long EVENT_COUNT = 88;
    /** The checked-in copy, written by {@code -Dxstore.history-fixtures.write=true}. */
    public static final Path SOURCE_DIR = Path.of("src", "test", "resources", "history-fixtures", FIXTURE);

    /** Every read model the projections write (not the projector positions, not the file deletion queue). */
    public static final List<String> READ_MODELS = List.of(Collections.TASKS, Collections.PROJECTS,
            Collections.MODELS, Collections.USERS, Collections.CREDENTIALS);

    /**
     * Fields (top-level, per collection) whose value is not a function of the event log: masked in the dump. Found
     * by rebuilding the same log twice and diffing (see README.md); empty when every field is reproducible.
     */
    public static final Map<String, Set<String>> VOLATILE_FIELDS = Map.of();

    static final String MASK = "<volatile>";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .build();

    private HistoryFixtures() {
    }

    /** The fixture directory as on the test class path. */
    public static Path directory() {
        URL url = HistoryFixtures.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException(RESOURCE + " is not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the fixture's event log into {@code <dataDir>/eventstore/log}, the server's layout. */
    public static void copyEventLog(Path dataDir) throws IOException {
        Path from = directory().resolve("eventstore").resolve("log");
        Path to = Files.createDirectories(dataDir.resolve("eventstore").resolve("log"));
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    // ---- stored-events/*.json ----

    /** One stored-events file: what the event log held for one occurrence of an event type. */
    public record StoredEvent(String fileName, JsonNode json) {

        public String payloadType() {
            return json.get("payloadType").asText();
        }

        public String payloadRevision() {
            return json.get("payloadRevision").isNull() ? null : json.get("payloadRevision").asText();
        }

        public JsonNode payload() {
            return json.get("payload");
        }

        /** The simple class name the file is named after ({@code TaskEditedEvent.move.json}: TaskEditedEvent). */
        public String namedType() {
            return fileName.substring(0, fileName.indexOf('.'));
        }

        /** The stored entry as the event store hands it to the upcaster chain and the serializer. */
        public DomainEventData<byte[]> toEventData() {
            JsonNode metaData = json.get("metaData");
            return new GenericDomainEventEntry<>(json.get("aggregateType").asText(), json.get("aggregateId").asText(),
                    json.get("sequenceNumber").asLong(), json.get("eventId").asText(),
                    Instant.parse(json.get("timestamp").asText()), payloadType(), payloadRevision(),
                    payload().toString().getBytes(StandardCharsets.UTF_8),
                    metaData == null || metaData.isNull() ? null : metaData.toString().getBytes(StandardCharsets.UTF_8));
        }

        /** Upcast through {@code upcasters} and deserialized with {@code serializer}, as the event store reads it. */
        public List<DomainEventMessage<?>> read(Serializer serializer, EventUpcaster upcasters) {
            List<DomainEventMessage<?>> messages = new ArrayList<>();
            EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(toEventData()), serializer, upcasters)
                    .forEachRemaining(messages::add);
            return messages;
        }
    }

    /** Every stored-events file of the fixture, by file name. */
    public static List<StoredEvent> storedEvents() throws IOException {
        Path dir = directory().resolve("stored-events");
        try (Stream<Path> files = Files.list(dir)) {
            List<StoredEvent> events = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                events.add(new StoredEvent(file.getFileName().toString(), JSON.readTree(file.toFile())));
            }
            return events;
        }
    }

    // ---- read-models/<collection>.json ----

    /** Each read model as normalized JSON text: documents sorted by _id, keys sorted, volatile fields masked. */
    public static Map<String, String> dumpReadModels(MongoDatabase database) {
        Map<String, String> dump = new TreeMap<>();
        for (String collection : READ_MODELS) {
            ArrayNode documents = JsonNodeFactory.instance.arrayNode();
            Set<String> masked = VOLATILE_FIELDS.getOrDefault(collection, Set.of());
            database.getCollection(collection).find().sort(new Document("_id", 1)).forEach(doc -> {
                ObjectNode node = (ObjectNode) sorted(parse(doc.toJson(RELAXED)));
                masked.stream().filter(node::has).forEach(field -> node.put(field, MASK));
                documents.add(node);
            });
            try {
                dump.put(collection, JSON.writeValueAsString(documents) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dump;
    }

    /** The checked-in dump, by collection. */
    public static Map<String, String> expectedReadModels() throws IOException {
        Map<String, String> dump = new TreeMap<>();
        for (String collection : READ_MODELS) {
            dump.put(collection, Files.readString(directory().resolve("read-models").resolve(collection + ".json")));
        }
        return dump;
    }

    /** Overwrites the checked-in dump under {@link #SOURCE_DIR} (run from the server module's directory). */
    public static void writeReadModels(Map<String, String> dump) throws IOException {
        Path dir = Files.createDirectories(SOURCE_DIR.resolve("read-models"));
        for (Map.Entry<String, String> entry : dump.entrySet()) {
            Files.writeString(dir.resolve(entry.getKey() + ".json"), entry.getValue());
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Object keys sorted at every level; array order kept (it is part of the read model). */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            fields.forEach(result::set);
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> result.add(sorted(item)));
            return result;
        }
        return node;
    }
}
