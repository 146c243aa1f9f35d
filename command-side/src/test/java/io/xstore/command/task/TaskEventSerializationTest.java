package io.xstore.command.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.xstore.api.task.ArtifactKey;
import io.xstore.api.task.HyperParamRef;
import io.xstore.api.task.TaskArtifactsAddedOrUpdatedEvent;
import io.xstore.api.task.TaskArtifactsDeletedEvent;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskCreatedEvent;
import io.xstore.api.task.TaskDeletedEvent;
import io.xstore.api.task.TaskEditedEvent;
import io.xstore.api.task.TaskHyperParamsDeletedEvent;
import io.xstore.api.task.TaskModelAttachedEvent;
import io.xstore.api.task.TaskModelEntry;
import io.xstore.api.task.TaskModels;
import io.xstore.api.task.TaskResetEvent;
import io.xstore.api.task.TaskStatus;
import io.xstore.api.task.TaskCompletedEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.xstore.command.task.TaskTestData.AUDIT;
import static io.xstore.command.task.TaskTestData.T0;
import static io.xstore.command.task.TaskTestData.TASK;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Events are stored as JSON by Axon's Jackson serializer: each must come back equal (free-form parts included). */
class TaskEventSerializationTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()).build();

    static Stream<Object> events() {
        Map<String, Object> artifact = Map.of("key", "data", "mode", "output", "content_size", 1234,
                "type_data", Map.of("preview", "a,b", "content_type", "text/csv"),
                "display_data", List.of(List.of("rows", "100")));
        TaskContent full = new TaskContent("demo", "training", "c", "p", null, List.of("t"), List.of("development"),
                Map.of("binary", "python", "requirements", Map.of("pip", "numpy")),
                Map.of("framework", "torch", "artifacts", List.of(artifact)),
                Map.of("Args", Map.of("a.b", Map.of("section", "Args", "name", "a.b", "value", "1"))),
                Map.of("General", Map.of("name", "General", "value", "{}")),
                new TaskModels(List.of(new TaskModelEntry("in", "m0", T0)), List.of()),
                Map.of("image", "python:3"), Map.of("progress", "0", "ratio", 0.5, "flag", true),
                Map.of("destination", "s3://b"));
        return Stream.of(
                new TaskCreatedEvent(TASK, full, null, AUDIT),
                new TaskEditedEvent(TASK, TaskContent.none().withComment("x"), AUDIT),
                new TaskCompletedEvent(TASK, TaskStatus.IN_PROGRESS, "r", "m", 12, false, AUDIT),
                new TaskResetEvent(TASK, TaskStatus.FAILED, true, AUDIT),
                new TaskArtifactsAddedOrUpdatedEvent(TASK, List.of(artifact), AUDIT),
                new TaskArtifactsDeletedEvent(TASK, List.of(new ArtifactKey("data", "output")), AUDIT),
                new TaskHyperParamsDeletedEvent(TASK, List.of(new HyperParamRef("Args", null)), AUDIT),
                new TaskModelAttachedEvent(TASK, "output", new TaskModelEntry("best", "m1", T0), 5, AUDIT),
                new TaskDeletedEvent(TASK, TaskStatus.CREATED, List.of("http://files:8081/a/b.csv"), AUDIT));
    }

    @ParameterizedTest
    @MethodSource("events")
    void roundTrips(Object event) {
        SerializedObject<byte[]> json = serializer.serialize(event, byte[].class);
        assertEquals(event, serializer.deserialize(json));
    }

    @Test
    void aDeletionStoredBeforeFileUrlsExistedReadsWithNoFiles() throws Exception {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        SerializedObject<byte[]> json = serializer.serialize(
                new TaskDeletedEvent(TASK, TaskStatus.CREATED, List.of("x"), AUDIT), byte[].class);
        ObjectNode old = (ObjectNode) mapper.readTree(json.getData());
        old.remove("fileUrls");

        TaskDeletedEvent read = serializer.deserialize(new SimpleSerializedObject<>(mapper.writeValueAsBytes(old),
                byte[].class, json.getType()));

        assertEquals(List.of(), read.fileUrls());
    }
}
