package io.xstore.command.project;

import io.xstore.api.AuditEntry;
import io.xstore.api.model.CreateModelCommand;
import io.xstore.api.model.ModelDeletedEvent;
import io.xstore.api.model.ModelFields;
import io.xstore.api.model.ModelMovedEvent;
import io.xstore.api.project.ProjectCreatedEvent;
import io.xstore.api.project.ProjectDeletedEvent;
import io.xstore.api.project.ProjectMergedEvent;
import io.xstore.api.project.ProjectMovedEvent;
import io.xstore.protocol.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectWritePathTest {

    private static final String COMPANY = "company-1";
    private static final AuditEntry AUDIT = new AuditEntry("user-1", "User", COMPANY, Instant.now(), "call-1");

    private final InMemoryWriteSide side = new InMemoryWriteSide();

    @AfterEach
    void tearDown() {
        side.close();
    }

    private String create(String name) {
        return side.creation.create(COMPANY, name, "", List.of(), List.of(), null, AUDIT);
    }

    private String id(String name) {
        return side.names.byName(COMPANY, name).orElseThrow().id();
    }

    private ProjectCreatedEvent createdEvent(String id) {
        return (ProjectCreatedEvent) side.events(id).get(0);
    }

    @Test
    void creatingANestedNameCreatesTheMissingAncestorsLinkedByParentAndPath() {
        String c = create("a/b/c");

        String a = id("a");
        String b = id("a/b");
        assertThat(createdEvent(a).parent()).isNull();
        assertThat(createdEvent(a).path()).isEmpty();
        assertThat(createdEvent(b).parent()).isEqualTo(a);
        assertThat(createdEvent(b).path()).containsExactly(a);
        assertThat(createdEvent(c).name()).isEqualTo("a/b/c");
        assertThat(createdEvent(c).basename()).isEqualTo("c");
        assertThat(createdEvent(c).parent()).isEqualTo(b);
        assertThat(createdEvent(c).path()).containsExactly(a, b);
    }

    @Test
    void requestedNameShorterThanThreeCharactersIsRejected() {
        assertThatThrownBy(() -> create("ab"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.subcode()).isEqualTo(800));
        assertThat(side.names.all()).isEmpty();
    }

    @Test
    void existingAncestorsAreReused() {
        String a = create("abc");
        String child = create("abc/def");
        assertThat(side.names.all()).hasSize(2);
        assertThat(createdEvent(child).path()).containsExactly(a);
    }

    @Test
    void duplicateNameArrivesAsClearMlError() {
        create("examples");
        assertThatThrownBy(() -> create(" examples "))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.subcode()).isEqualTo(801);
                });
    }

    @Test
    void duplicateThatSlipsPastTheCheckIsStoppedByTheLookupAndRolledBack() {
        String first = create("examples");
        String sneaky = "s".repeat(32);
        side.names.staleReads = true;
        assertThatThrownBy(() -> side.commands.sendAndWait(new io.xstore.api.project.CreateProjectCommand(sneaky,
                COMPANY, "examples", null, List.of(), "", List.of(), List.of(), null, AUDIT)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.subcode()).isEqualTo(801));
        side.names.staleReads = false;
        assertThat(side.events(sneaky)).isEmpty();
        assertThat(id("examples")).isEqualTo(first);
    }

    @Test
    void findOrCreateReturnsTheExistingProject() {
        String id = create("team/demo");
        assertThat(side.creation.findOrCreate(COMPANY, "team//demo ", AUDIT)).isEqualTo(id);
        assertThat(side.names.all()).hasSize(2);
    }

    @Test
    void renamingMovesTheWholeSubtree() {
        String b = create("a/b");
        String c = create("a/b/c");
        String d = create("a/b/c/d");

        int moved = side.relocation.relocate(COMPANY, b, "x/y", AUDIT);

        String x = id("x");
        assertThat(moved).isEqualTo(3);
        assertThat(side.names.byId(b).orElseThrow().name()).isEqualTo("x/y");
        assertThat(side.names.byId(c).orElseThrow().name()).isEqualTo("x/y/c");
        assertThat(side.names.byId(d).orElseThrow().name()).isEqualTo("x/y/c/d");
        ProjectMovedEvent movedB = (ProjectMovedEvent) side.events(b).get(1);
        assertThat(movedB.parent()).isEqualTo(x);
        assertThat(movedB.path()).containsExactly(x);
        ProjectMovedEvent movedD = (ProjectMovedEvent) side.events(d).get(1);
        assertThat(movedD.name()).isEqualTo("x/y/c/d");
        assertThat(movedD.parent()).isEqualTo(c);
        assertThat(movedD.path()).containsExactly(x, b, c);
        assertThat(side.names.byName(COMPANY, "a")).isPresent();
    }

    @Test
    void aProjectCannotMoveUnderItself() {
        String a = create("abc");
        assertThatThrownBy(() -> side.relocation.relocate(COMPANY, a, "abc/def", AUDIT))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.subcode()).isEqualTo(411));
    }

    @Test
    void unknownProjectIsInvalidProjectId() {
        assertThatThrownBy(() -> side.relocation.relocate(COMPANY, "nope", "abc", AUDIT))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.subcode()).isEqualTo(401));
        String id = create("abc");
        assertThatThrownBy(() -> side.relocation.require("company-2", id))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.subcode()).isEqualTo(401));
    }

    @Test
    void deleteRemovesTheSubtreeDeepestFirst() {
        String a = create("abc");
        String b = create("abc/def");

        Map<String, Object> result = side.deletion.delete(COMPANY, a, false, false, true, AUDIT);

        assertThat(result).containsEntry("deleted", 2).containsEntry("disassociated_tasks", 0)
                .containsEntry("deleted_tasks", 0).containsEntry("deleted_models", 0).containsKey("urls");
        assertThat(side.events(a)).last().isInstanceOf(ProjectDeletedEvent.class);
        assertThat(side.events(b)).last().isInstanceOf(ProjectDeletedEvent.class);
        assertThat(side.names.all()).isEmpty();
        assertThat(create("abc")).isNotEqualTo(a);
    }

    @Test
    void deleteWithLiveTasksNeedsForce() {
        String a = create("abc");
        side.beans.addBean("contents", contents(Map.of(a, 2L), Map.of(), Map.of()));

        assertThatThrownBy(() -> side.deletion.delete(COMPANY, a, false, false, true, AUDIT))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.subcode()).isEqualTo(402));
        assertThat(side.names.byId(a)).isPresent();
    }

    @Test
    void forcedDeleteWithContentsDeletesModelsAndReportsTheirUrls() {
        String a = create("abc");
        String model = "m".repeat(32);
        side.commands.sendAndWait(new CreateModelCommand(model, COMPANY, new ModelFields("weights", "file:///w.pt",
                null, null, null, null, null, null, null, a, null, null, null, null, null), AUDIT));
        side.beans.addBean("contents", contents(Map.of(a, 1L), Map.of(a, 1L), Map.of(a, List.of(model))));

        Map<String, Object> result = side.deletion.delete(COMPANY, a, true, true, true, AUDIT);

        assertThat(result).containsEntry("deleted_models", 1);
        assertThat(result.get("urls")).isEqualTo(Map.of("model_urls", List.of("file:///w.pt"), "event_urls",
                List.of(), "artifact_urls", List.of()));
        assertThat(side.events(model)).last().isInstanceOf(ModelDeletedEvent.class);
    }

    @Test
    void mergeMovesChildrenAndModelsIntoTheDestination() {
        String source = create("src");
        String child = create("src/kid");
        String destination = create("dst");
        String model = "m".repeat(32);
        side.commands.sendAndWait(new CreateModelCommand(model, COMPANY, new ModelFields("weights", "file:///w.pt",
                null, null, null, null, null, null, null, source, null, null, null, null, null), AUDIT));
        side.beans.addBean("contents", contents(Map.of(), Map.of(), Map.of(source, List.of(model))));

        Map<String, Object> result = side.merge.merge(COMPANY, source, destination, AUDIT);

        assertThat(result).containsEntry("moved_projects", 1).containsEntry("moved_entities", 1);
        assertThat(side.names.byId(child).orElseThrow().name()).isEqualTo("dst/kid");
        assertThat(side.names.byId(source)).isEmpty();
        assertThat(side.events(source)).last().isInstanceOf(ProjectMergedEvent.class);
        assertThat(side.events(model)).last().isEqualTo(new ModelMovedEvent(model, destination, AUDIT));
    }

    private static ProjectContents contents(Map<String, Long> tasks, Map<String, Long> models,
                                            Map<String, List<String>> modelIds) {
        return new ProjectContents() {
            @Override
            public long taskCount(String projectId) {
                return tasks.getOrDefault(projectId, 0L);
            }

            @Override
            public long modelCount(String projectId) {
                return models.getOrDefault(projectId, 0L);
            }

            @Override
            public List<String> taskIds(String projectId) {
                return List.of();
            }

            @Override
            public List<String> modelIds(String projectId) {
                return modelIds.getOrDefault(projectId, List.of());
            }
        };
    }

    // behaviour §7 names of public projects are reserved: create and implicit parent creation fail with 400/414
    @Test
    void publicProjectNamesAreReserved() {
        AuditEntry system = new AuditEntry("system", "System", "", Instant.now(), "call-0");
        side.creation.create("", "shared", "", List.of(), List.of(), null, system);

        assertThatThrownBy(() -> create("shared"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.subcode()).isEqualTo(414));
        assertThatThrownBy(() -> create("shared/mine"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.subcode()).isEqualTo(414));
        assertThat(create("other/mine")).isNotEmpty();
    }
}
