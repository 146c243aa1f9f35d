package io.xstore.migration.ops.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each stored (type, revision) is readable as it is, upcast, or blocks an upgrade. */
class StoredEventTypesTest {

    private final StoredEventTypes types = new StoredEventTypes(StoredEventTypes.upcastersOfThisBuild());

    @Test
    void theUpcastersOfThisBuildAreFound() {
        assertThat(StoredEventTypes.upcastersOfThisBuild()).extracting(u -> u.getClass().getSimpleName())
                .contains("TaskEditedRevision1Split", "TaskStatusChangedSplit", "ModelEditedRevision1Split",
                        "ProjectUpdatedSplit");
    }

    @Test
    void currentAndUpcastRevisionsPassAndTheRestBlocks() {
        types.count("io.xstore.api.task.TaskRenamedEvent", null); // stored before revisions: read as 1
        types.count("io.xstore.api.task.TaskEditedEvent", "1");
        types.count("io.xstore.api.task.TaskEditedEvent", "1");
        types.count("io.xstore.api.task.TaskEditedEvent", "2");
        types.count("io.xstore.api.task.TaskEditedEvent", "3");
        types.count("io.xstore.api.model.ModelEditedEvent", "0");
        types.count("io.xstore.api.task.TaskTeleportedEvent", "1");

        Map<String, StoredEventTypes.Verdict> byKey = types.verdicts().stream()
                .collect(Collectors.toMap(v -> v.type().substring(v.type().lastIndexOf('.') + 1) + "@" + v.revision(),
                        Function.identity()));

        assertThat(byKey.get("TaskRenamedEvent@1").blocks()).isFalse();
        assertThat(byKey.get("TaskEditedEvent@1").how()).isEqualTo("upcast by TaskEditedRevision1Split");
        assertThat(byKey.get("TaskEditedEvent@1").count()).isEqualTo(2);
        assertThat(byKey.get("TaskEditedEvent@2").how()).isEqualTo("current revision");
        assertThat(byKey.get("TaskEditedEvent@3").how()).startsWith("NEWER");
        assertThat(byKey.get("ModelEditedEvent@0").how()).startsWith("NO UPCASTER");
        assertThat(byKey.get("TaskTeleportedEvent@1").how()).startsWith("NO CLASS");
        assertThat(types.verdicts().stream().filter(StoredEventTypes.Verdict::blocks)).hasSize(3);
        assertThat(List.of(byKey.get("TaskEditedEvent@3"), byKey.get("ModelEditedEvent@0"),
                byKey.get("TaskTeleportedEvent@1"))).allMatch(StoredEventTypes.Verdict::blocks);
    }
}
