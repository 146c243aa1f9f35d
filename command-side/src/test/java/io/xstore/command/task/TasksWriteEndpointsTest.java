package io.xstore.command.task;

import io.xstore.api.task.TaskArtifactsAddedOrUpdatedEvent;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskCreatedEvent;
import io.xstore.api.task.TaskEditedEvent;
import io.xstore.api.task.TaskHyperParamsEditedEvent;
import io.xstore.api.task.TaskModelAttachedEvent;
import io.xstore.api.task.TaskRequirementsSetEvent;
import io.xstore.api.task.TaskCompletedEvent;
import io.xstore.api.task.TaskHyperParamsReplacedEvent;
import io.xstore.api.task.TaskRenamedEvent;
import io.xstore.api.task.TaskStartedEvent;
import io.xstore.protocol.ApiException;
import io.xstore.protocol.CallContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;

import static io.xstore.command.task.TaskWriteSide.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TasksWriteEndpointsTest {

    private static final String ISO = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00";

    private static TaskWriteSide side;
    private static TasksWriteEndpoints tasks;
    private static TaskContentEndpoints content;
    private static TaskRemovalEndpoints removal;

    @BeforeAll
    static void start() {
        side = new TaskWriteSide();
        tasks = side.endpoints;
        content = side.content;
        removal = side.removal;
    }

    @AfterAll
    static void stop() {
        side.stop();
    }

    private static String createTask() {
        return createTask("{\"name\": \"demo\", \"type\": \"training\", \"comment\": \"Auto-generated\","
                + " \"project\": \"project1\", \"system_tags\": [\"development\"]}");
    }

    @SuppressWarnings("unchecked")
    private static String createTask(String body) {
        return (String) ((Map<String, Object>) tasks.create(call("tasks.create", body))).get("id");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object response) {
        return (Map<String, Object>) response;
    }

    private static ApiException apiError(int code, int subcode, Executable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(code + "/" + subcode, e.code() + "/" + e.subcode(), e.getMessage());
        return e;
    }

    @Test
    void createAnswersANewHexId() {
        assertTrue(createTask().matches("[0-9a-f]{32}"));
    }

    @Test
    void theSdkRunIsAccepted() {
        String id = createTask();
        tasks.started(call("tasks.started", "{\"task\": \"" + id + "\", \"force\": false}"));
        tasks.edit(call("tasks.edit", "{\"task\": \"" + id + "\", \"force\": true, \"script\": {\"repository\":"
                + " \"https://x/y.git\", \"branch\": \"main\", \"entry_point\": \"train.py\"}}"));
        tasks.setRequirements(call("tasks.set_requirements", "{\"task\": \"" + id + "\", \"requirements\":"
                + " {\"pip\": \"numpy==2.0\"}}"));
        tasks.edit(call("tasks.edit", "{\"task\": \"" + id + "\", \"force\": true, \"hyperparams\": {\"Args\":"
                + " {\"lr\": {\"section\": \"Args\", \"name\": \"lr\", \"value\": \"0.1\", \"type\": \"float\"}}}}"));
        content.addOrUpdateArtifacts(call("tasks.add_or_update_artifacts", "{\"task\": \"" + id + "\", \"force\":"
                + " true, \"artifacts\": [{\"key\": \"data\", \"type\": \"pandas\", \"uri\": \"http://f/d.csv.gz\","
                + " \"timestamp\": 1736785933, \"type_data\": {\"preview\": \"a,b\"}, \"display_data\":"
                + " [[\"rows\", \"100\"]]}]}"));
        content.addOrUpdateModel(call("tasks.add_or_update_model", "{\"task\": \"" + id + "\", \"name\": \"model\","
                + " \"type\": \"output\", \"model\": \"m1\", \"iteration\": 9}"));
        Map<String, Object> completed = map(tasks.completed(call("tasks.completed", "{\"task\": \"" + id + "\","
                + " \"status_reason\": \"completed\", \"force\": false, \"publish\": false}")));

        assertEquals(0, completed.get("published"));
        assertEquals(List.of(TaskCreatedEvent.class, TaskStartedEvent.class, TaskEditedEvent.class,
                        TaskRequirementsSetEvent.class, TaskHyperParamsReplacedEvent.class, TaskArtifactsAddedOrUpdatedEvent.class,
                        TaskModelAttachedEvent.class, TaskCompletedEvent.class),
                side.events(id).stream().map(Object::getClass).toList());
        TaskArtifactsAddedOrUpdatedEvent artifacts = (TaskArtifactsAddedOrUpdatedEvent) side.events(id).get(5);
        assertEquals("output", artifacts.artifacts().get(0).get("mode"));
    }

    @Test
    void startedAnswersStartedUpdatedAndTheChangedFields() {
        String id = createTask();
        Map<String, Object> response = map(tasks.started(call("tasks.started", "{\"task\": \"" + id + "\"}")));
        assertEquals(1, response.get("started"));
        assertEquals(1, response.get("updated"));
        Map<String, Object> fields = map(response.get("fields"));
        assertEquals("in_progress", fields.get("status"));
        assertEquals("", fields.get("status_reason"));
        assertTrue(((String) fields.get("started")).matches(ISO), fields.toString());
        assertTrue(((String) fields.get("status_changed")).matches(ISO));
        assertEquals("user1", fields.get("last_changed_by"));
    }

    @Test
    void anUnknownTaskIsAnInvalidTaskId() {
        ApiException e = apiError(400, 101, () -> tasks.started(call("tasks.started", "{\"task\": \"nope\"}")));
        assertEquals("Invalid task id: id=nope, company=company1", e.getMessage());
    }

    @Test
    void anotherCompanysTaskIsAnInvalidTaskId() {
        String id = createTask();
        apiError(400, 101, () -> tasks.edit(call("tasks.edit", "{\"task\": \"" + id + "\", \"comment\": \"x\"}",
                "company2")));
    }

    @Test
    void editOfARunningTaskWithoutForceIsAnInvalidStatus() {
        String id = createTask();
        tasks.started(call("tasks.started", "{\"task\": \"" + id + "\"}"));
        apiError(400, 110, () -> tasks.edit(call("tasks.edit", "{\"task\": \"" + id + "\", \"comment\": \"x\"}")));
    }

    @Test
    void createNeedsAType() {
        apiError(400, 12, () -> tasks.create(call("tasks.create", "{\"name\": \"demo\"}")));
    }

    @Test
    void createRefusesAShortName() {
        apiError(400, 800, () -> tasks.create(call("tasks.create", "{\"name\": \"ab\", \"type\": \"training\"}")));
    }

    @Test
    void createRefusesTagsThatAreNotAList() {
        apiError(400, 12, () -> tasks.create(call("tasks.create",
                "{\"name\": \"demo\", \"type\": \"training\", \"tags\": {\"a\": 1}}")));
    }

    @Test
    void createRefusesAnUnknownParent() {
        apiError(400, 101, () -> tasks.create(call("tasks.create",
                "{\"name\": \"demo\", \"type\": \"training\", \"parent\": \"nope\"}")));
    }

    @Test
    void createAcceptsAnExistingParent() {
        String parent = createTask();
        String child = createTask("{\"name\": \"child\", \"type\": \"testing\", \"parent\": \"" + parent + "\"}");
        assertEquals(parent, side.createdEvent(child).content().parent());
    }

    @Test
    void createRefusesAnUnknownProject() {
        apiError(400, 401, () -> tasks.create(call("tasks.create",
                "{\"name\": \"demo\", \"type\": \"training\", \"project\": \"nope\"}")));
    }

    @Test
    void outputDestIsStoredAsOutputDestination() {
        String id = createTask();
        Map<String, Object> response = map(tasks.edit(call("tasks.edit", "{\"task\": \"" + id + "\", \"force\":"
                + " true, \"output_dest\": \"s3://bucket\"}")));
        assertEquals("s3://bucket", map(response.get("fields")).get("output.destination"));
        TaskEditedEvent edited = (TaskEditedEvent) side.events(id).get(1);
        assertEquals(Map.of("destination", "s3://bucket"), edited.changes().output());
    }

    // behaviour §1 legacy parameters always merge: section Args, any '/' other than TF_DEFINE/ stays in the name
    @Test
    void legacyExecutionParametersBecomeHyperparams() {
        String id = createTask("{\"name\": \"legacy\", \"type\": \"training\", \"execution\": {\"parameters\":"
                + " {\"a/lr\": \"0.1\", \"epochs\": 3}}}");
        TaskContent content = side.createdEvent(id).content();
        assertEquals(Map.of("a/lr", Map.of("section", "Args", "name", "a/lr", "value", "0.1", "type", "legacy"),
                "epochs", Map.of("section", "Args", "name", "epochs", "value", "3", "type", "legacy")),
                content.hyperparams().get("Args"));
        assertFalse(content.execution().containsKey("parameters"));
    }

    @Test
    void cloneCopiesTheDefinitionButNotTheRun() {
        String source = createTask("{\"name\": \"source\", \"type\": \"training\", \"project\": \"project1\","
                + " \"system_tags\": [\"development\", \"keep\"], \"script\": {\"repository\": \"r\"},"
                + " \"execution\": {\"queue\": \"q1\", \"framework\": \"torch\"}, \"output_dest\": \"s3://b\","
                + " \"runtime\": {\"progress\": \"100\"}, \"hyperparams\": {\"Args\": {\"lr\": {\"value\": \"1\"}}}}");
        content.addOrUpdateArtifacts(call("tasks.add_or_update_artifacts", "{\"task\": \"" + source + "\","
                + " \"artifacts\": [{\"key\": \"in\", \"mode\": \"input\"}, {\"key\": \"out\"}]}"));
        Map<String, Object> response = map(tasks.cloneTask(call("tasks.clone", "{\"task\": \"" + source + "\","
                + " \"new_task_name\": \"copy\"}")));
        String id = (String) response.get("id");

        TaskCreatedEvent created = side.createdEvent(id);
        TaskContent c = created.content();
        assertEquals(source, created.clonedFrom());
        assertEquals("copy", c.name());
        assertEquals(source, c.parent());
        assertEquals(List.of("keep"), c.systemTags());
        assertEquals(Map.of("framework", "torch", "artifacts", List.of(Map.of("key", "in", "mode", "input"))),
                c.execution());
        assertEquals(Map.of("destination", "s3://b"), c.output());
        assertEquals(Map.of(), c.runtime());
        assertEquals("1", ((Map<?, ?>) ((Map<?, ?>) c.hyperparams().get("Args")).get("lr")).get("value"));
    }

    @Test
    void cloneIntoANewProjectReportsIt() {
        String source = createTask();
        Map<String, Object> response = map(tasks.cloneTask(call("tasks.clone", "{\"task\": \"" + source + "\","
                + " \"new_project_name\": \"fresh\"}")));
        assertEquals(Map.of("id", "p-fresh", "name", "fresh"), response.get("new_project"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void batchOperationsReportEachIdSeparately() {
        String id = createTask();
        Map<String, Object> response = map(removal.archiveMany(call("tasks.archive_many",
                "{\"ids\": [\"" + id + "\", \"nope\"]}")));
        assertEquals(List.of(Map.of("id", id, "archived", 1)), response.get("succeeded"));
        List<Map<String, Object>> failed = (List<Map<String, Object>>) response.get("failed");
        assertEquals("nope", failed.get(0).get("id"));
        assertEquals(List.of(400, 101), map(failed.get(0).get("error")).get("codes"));
    }

    @Test
    void aDeletedTaskIsAnInvalidTaskId() {
        String id = createTask();
        Map<String, Object> deleted = map(removal.delete(call("tasks.delete", "{\"task\": \"" + id + "\"}")));
        assertEquals(true, deleted.get("deleted"));
        apiError(400, 101, () -> tasks.edit(call("tasks.edit", "{\"task\": \"" + id + "\", \"comment\": \"x\"}")));
    }

    @Test
    void resetAnswersTheReferenceShape() {
        String id = createTask();
        tasks.started(call("tasks.started", "{\"task\": \"" + id + "\"}"));
        Map<String, Object> response = map(removal.reset(call("tasks.reset", "{\"task\": \"" + id + "\","
                + " \"return_file_urls\": true}")));
        assertEquals(1, response.get("updated"));
        assertEquals("created", map(response.get("fields")).get("status"));
        assertEquals(0, response.get("deleted_models"));
        assertEquals(Map.of(), response.get("dequeued"));
        assertTrue(map(response.get("urls")).containsKey("artifact_urls"));
    }

    @Test
    void requirementsOfATaskWithoutScriptAreMissingFields() {
        String id = createTask();
        apiError(400, 122, () -> tasks.setRequirements(call("tasks.set_requirements", "{\"task\": \"" + id + "\","
                + " \"requirements\": {\"pip\": \"x\"}}")));
    }

    @Test
    void pingOfAKnownTaskAnswersNothing() {
        String id = createTask();
        assertEquals(Map.of(), tasks.ping(call("tasks.ping", "{\"task\": \"" + id + "\"}")));
    }

    @Test
    void pingOfAnUnknownTaskIsAnInvalidTaskId() {
        apiError(400, 101, () -> tasks.ping(call("tasks.ping", "{\"task\": \"nope\"}")));
    }

    @Test
    void updateBatchAppliesEveryLine() {
        String a = createTask();
        String b = createTask();
        CallContext plain = call("tasks.update_batch", "{}");
        CallContext batch = new CallContext(plain.callId(), plain.endpoint(), plain.version(), plain.caller(),
                plain.body(), List.of(TaskWriteSide.JSON.createObjectNode().put("task", a).put("name", "first"),
                TaskWriteSide.JSON.createObjectNode().put("task", b).put("comment", "second")), plain.worker(),
                plain.clientIp(), plain.receivedAt());
        assertEquals(Map.of("updated", 2), tasks.updateBatch(batch));
        assertEquals("first", ((TaskRenamedEvent) side.events(a).get(1)).name());
    }

    @Test
    void moveByProjectNameAnswersTheProjectId() {
        String id = createTask();
        assertEquals(Map.of("project_id", "p-new"), tasks.move(call("tasks.move", "{\"ids\": [\"" + id + "\"],"
                + " \"project_name\": \"new\"}")));
    }

    @Test
    void moveWithoutATargetIsMissingFields() {
        apiError(400, 11, () -> tasks.move(call("tasks.move", "{\"ids\": [\"x\"]}")));
    }

    @Test
    void completedWithPublishPublishesTheLastOutputModel() {
        String id = createTask();
        tasks.started(call("tasks.started", "{\"task\": \"" + id + "\"}"));
        content.addOrUpdateModel(call("tasks.add_or_update_model", "{\"task\": \"" + id + "\", \"name\": \"m\","
                + " \"type\": \"output\", \"model\": \"model-" + id + "\"}"));
        Map<String, Object> response = map(tasks.completed(call("tasks.completed", "{\"task\": \"" + id + "\","
                + " \"publish\": true}")));
        assertEquals(1, response.get("published"));
        assertTrue(side.publishedModels.contains("model-" + id));
    }

    @Test
    void stopOfATaskWithALiveWorkerOnlyRequestsIt() {
        String id = createTask("{\"name\": \"agent\", \"type\": \"training\"}");
        tasks.started(call("tasks.started", "{\"task\": \"" + id + "\"}"));
        side.liveWorkerTasks.add(id);
        Map<String, Object> response = map(tasks.stop(call("tasks.stop", "{\"task\": \"" + id + "\"}")));
        assertEquals("in_progress", map(response.get("fields")).get("status"));
        assertEquals("stopping", map(response.get("fields")).get("status_message"));
    }

    @Test
    void hyperParamEditsNeedSectionAndName() {
        String id = createTask();
        apiError(400, 12, () -> content.editHyperParams(call("tasks.edit_hyper_params", "{\"task\": \"" + id + "\","
                + " \"hyperparams\": [{\"name\": \"lr\"}]}")));
    }

    @Test
    void userPropertiesOfACompletedTaskCanBeEdited() {
        String id = createTask();
        tasks.completed(call("tasks.completed", "{\"task\": \"" + id + "\", \"force\": true}"));
        assertEquals(Map.of("updated", 1), content.editHyperParams(call("tasks.edit_hyper_params",
                "{\"task\": \"" + id + "\", \"hyperparams\": [{\"section\": \"properties\", \"name\": \"k\","
                        + " \"value\": \"v\"}]}")));
        assertEquals(TaskHyperParamsEditedEvent.class, side.events(id).get(2).getClass());
    }
}
