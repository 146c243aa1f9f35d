package io.xstore.command.model;

import io.xstore.command.project.InMemoryWriteSide;
import io.xstore.command.project.TestCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.xstore.command.project.TestCalls.call;
import static io.xstore.command.project.TestCalls.subcode;
import static org.assertj.core.api.Assertions.assertThat;

class ModelsWriteEndpointsTest {

    private final InMemoryWriteSide side = new InMemoryWriteSide();
    private final ModelsWriteEndpoints endpoints = new ModelsWriteEndpoints(new ModelCommands(side.commands),
            side.creation, side.beans.getBeanProvider(ModelTaskLinks.class));
    private final String project = side.creation.findOrCreate(TestCalls.COMPANY, "examples",
            TestCalls.call("projects.create", "{}").audit());

    @AfterEach
    void tearDown() {
        side.close();
    }

    @SuppressWarnings("unchecked")
    private String sdkCreate() {
        Map<String, Object> response = (Map<String, Object>) endpoints.create(call("models.create",
                "{'uri': 'file:///tmp/uploading_file', 'name': 'Anonymous model 2025', 'labels': {}, 'ready': false, "
                        + "'project': '" + project + "'}"));
        assertThat(response).containsEntry("created", true);
        return (String) response.get("id");
    }

    @Test
    void sdkOutputModelSequenceWorks() {
        String id = sdkCreate();

        Object edited = endpoints.edit(call("models.edit", "{'model': '" + id + "', 'uri': 'file:///abs/model.pt', "
                + "'name': 'demo', 'comment': 'Created by task id: t1', 'labels': {'cat': 1}, "
                + "'design': {'design': 'net'}, 'framework': 'PyTorch', 'task': 't1', 'project': '" + project
                + "', 'tags': [], 'system_tags': []}"));
        Object ready = endpoints.setReady(call("models.set_ready", "{'model': '" + id + "', 'publish_task': false}"));

        assertThat(TestCalls.json(edited)).startsWith("{\"updated\":1,\"fields\":{\"name\":\"demo\",");
        assertThat(ready).isEqualTo(Map.of("updated", 1));
        assertThat(subcode(() -> endpoints.setReady(call("models.set_ready", "{'model': '" + id + "'}"))))
                .isEqualTo(203);
    }

    @Test
    void unknownModelIsInvalidModelId() {
        assertThat(subcode(() -> endpoints.edit(call("models.edit", "{'model': 'nope', 'name': 'xyz'}"))))
                .isEqualTo(201);
        String id = sdkCreate();
        assertThat(subcode(() -> endpoints.edit(call("models.edit", "{'model': '" + id + "', 'name': 'xyz'}",
                "company-2")))).isEqualTo(201);
    }

    @Test
    void createValidatesNameUriAndProject() {
        assertThat(subcode(() -> endpoints.create(call("models.create", "{'uri': 'file:///x'}")))).isEqualTo(12);
        assertThat(subcode(() -> endpoints.create(call("models.create", "{'name': 'abc'}")))).isEqualTo(12);
        assertThat(subcode(() -> endpoints.create(call("models.create", "{'name': 'ab', 'uri': 'file:///x'}"))))
                .isEqualTo(800);
        assertThat(subcode(() -> endpoints.create(call("models.create",
                "{'name': 'abc', 'uri': 'file:///x', 'project': 'nope'}")))).isEqualTo(401);
    }

    @Test
    @SuppressWarnings("unchecked")
    void batchOperationsReportSucceededAndFailedIds() {
        String id = sdkCreate();

        Map<String, Object> archived = (Map<String, Object>) endpoints.archiveMany(call("models.archive_many",
                "{'ids': ['" + id + "', 'nope']}"));

        assertThat(archived.get("succeeded")).isEqualTo(List.of(Map.of("id", id, "archived", true)));
        List<Map<String, Object>> failed = (List<Map<String, Object>>) archived.get("failed");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0)).containsEntry("id", "nope");
        assertThat(((Map<String, Object>) failed.get(0).get("error")).get("codes")).isEqualTo(List.of(400, 201));
    }

    @Test
    void deleteReturnsTheUrl() {
        String id = sdkCreate();
        assertThat(endpoints.delete(call("models.delete", "{'model': '" + id + "'}")))
                .isEqualTo(Map.of("deleted", true, "url", "file:///tmp/uploading_file"));
        assertThat(subcode(() -> endpoints.delete(call("models.delete", "{'model': '" + id + "'}")))).isEqualTo(201);
    }

    @Test
    void moveByProjectNameCreatesTheProject() {
        String id = sdkCreate();
        Object response = endpoints.move(call("models.move", "{'ids': ['" + id + "'], 'project_name': 'new/place'}"));
        String newProject = side.names.byName(TestCalls.COMPANY, "new/place").orElseThrow().id();
        assertThat(response).isEqualTo(Map.of("project_id", newProject));
        assertThat(subcode(() -> endpoints.move(call("models.move", "{'ids': ['" + id + "']}")))).isEqualTo(11);
    }

    @Test
    void metadataAndTagsEndpoints() {
        String id = sdkCreate();
        assertThat(endpoints.addOrUpdateMetadata(call("models.add_or_update_metadata", "{'model': '" + id
                + "', 'metadata': [{'key': 'a.b', 'type': 'int', 'value': '1'}]}"))).isEqualTo(Map.of("updated", 1));
        assertThat(endpoints.deleteMetadata(call("models.delete_metadata", "{'model': '" + id + "', 'keys': ['a.b']}")))
                .isEqualTo(Map.of("updated", 1));
        assertThat(endpoints.updateTags(call("models.update_tags", "{'ids': ['" + id + "', 'nope'], "
                + "'add_tags': ['x']}"))).isEqualTo(Map.of("updated", 1));
        assertThat(subcode(() -> endpoints.addOrUpdateMetadata(call("models.add_or_update_metadata",
                "{'model': '" + id + "', 'metadata': [{'type': 'int'}]}")))).isEqualTo(12);
    }
}
