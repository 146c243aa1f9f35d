package io.xstore.command.project;

import io.xstore.protocol.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.xstore.command.project.TestCalls.COMPANY;
import static io.xstore.command.project.TestCalls.call;
import static io.xstore.command.project.TestCalls.subcode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectsWriteEndpointsTest {

    private final InMemoryWriteSide side = new InMemoryWriteSide();
    private final ProjectsWriteEndpoints endpoints = new ProjectsWriteEndpoints(side.commands, side.creation,
            side.relocation, side.deletion, side.merge);

    @AfterEach
    void tearDown() {
        side.close();
    }

    @SuppressWarnings("unchecked")
    private String create(String name) {
        return (String) ((Map<String, Object>) endpoints.create(call("projects.create",
                "{'name': '" + name + "', 'description': ''}"))).get("id");
    }

    @Test
    void sdkCreateReturnsTheNewId() {
        String id = create("examples");
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(side.names.byId(id).orElseThrow().name()).isEqualTo("examples");
    }

    @Test
    void createErrorsUseClearMlSubcodes() {
        create("examples");
        assertThat(subcode(() -> endpoints.create(call("projects.create", "{}")))).isEqualTo(11);
        assertThat(subcode(() -> create("examples"))).isEqualTo(801);
        assertThat(subcode(() -> create(" // "))).isEqualTo(407);
        assertThat(subcode(() -> create("ab"))).isEqualTo(800);
        assertThat(subcode(() -> create("a/b/c/d/e/f/g/h/i/j/k"))).isEqualTo(409);
    }

    @Test
    void updateRenamesAndReportsTheFields() {
        String id = create("team/demo");
        Object response = endpoints.update(call("projects.update",
                "{'project': '" + id + "', 'name': 'team/demo2', 'description': 'd', 'tags': ['b', 'a']}"));

        assertThat(response).isEqualTo(Map.of("updated", 1, "fields", Map.of("name", "team/demo2",
                "basename", "demo2", "description", "d", "tags", java.util.List.of("a", "b"))));
        assertThat(side.names.byId(id).orElseThrow().name()).isEqualTo("team/demo2");
    }

    @Test
    void updateOfAnotherCompanysProjectIsInvalidProjectId() {
        String id = create("examples");
        assertThat(subcode(() -> endpoints.update(call("projects.update",
                "{'project': '" + id + "', 'description': 'x'}", "company-2")))).isEqualTo(401);
    }

    @Test
    void moveUnderANewLocationCountsTheMovedProjects() {
        String id = create("team/demo");
        create("team/demo/sub");

        Object response = endpoints.move(call("projects.move", "{'project': '" + id + "', 'new_location': 'other'}"));

        assertThat(response).isEqualTo(Map.of("moved", 2));
        assertThat(side.names.byName(COMPANY, "other/demo/sub")).isPresent();
        assertThat(subcode(() -> endpoints.move(call("projects.move",
                "{'project': '" + id + "', 'new_location': 'other'}")))).isEqualTo(410);
    }

    @Test
    void mergeAndDeleteAnswerInClearMlShape() {
        String source = create("src");
        String destination = create("dst");

        assertThat(endpoints.merge(call("projects.merge",
                "{'project': '" + source + "', 'destination_project': '" + destination + "'}")))
                .isEqualTo(Map.of("moved_entities", 0, "moved_projects", 0));
        assertThat(TestCalls.json(endpoints.delete(call("projects.delete", "{'project': '" + destination + "'}"))))
                .isEqualTo("{\"deleted\":1,\"disassociated_tasks\":0,\"deleted_tasks\":0,\"deleted_models\":0,"
                        + "\"urls\":{\"model_urls\":[],\"event_urls\":[],\"artifact_urls\":[]}}");
        assertThatThrownBy(() -> endpoints.delete(call("projects.delete", "{'project': '" + destination + "'}")))
                .isInstanceOf(ApiException.class);
    }
}
