package io.xstore.command.queue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.api.AuditEntry;
import io.xstore.api.NewIds;
import io.xstore.api.queue.AddTaskToQueueCommand;
import io.xstore.api.queue.ChangeQueueMetadataCommand;
import io.xstore.api.queue.ClearQueueCommand;
import io.xstore.api.queue.CreateQueueCommand;
import io.xstore.api.queue.DeleteQueueCommand;
import io.xstore.api.queue.MoveQueueEntryCommand;
import io.xstore.api.queue.PopQueueEntryCommand;
import io.xstore.api.queue.QueueEntry;
import io.xstore.api.queue.QueueMove;
import io.xstore.api.queue.RemoveQueueEntryCommand;
import io.xstore.api.queue.UpdateQueueCommand;
import io.xstore.api.task.DequeueTaskCommand;
import io.xstore.api.task.HandOutTaskCommand;
import io.xstore.command.model.ModelRequests;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import io.xstore.protocol.WireDates;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The write endpoints of the ClearML {@code queues} service (docs/api/queues.md). Queue changes are commands to the
 * {@link QueueAggregate}; where the tasks in a queue change status too (delete with force, clear, remove with
 * update_task_status) the queue command comes first and each task is then dequeued by its own command.
 */
@Component
public class QueuesWriteEndpoints {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(QueuesWriteEndpoints.class);

    private final QueueCommandSender commands;
    private final QueueNames names;
    private final TaskInfo taskInfo;

    public QueuesWriteEndpoints(CommandGateway gateway, QueueNames names, TaskInfo taskInfo) {
        this.commands = new QueueCommandSender(gateway);
        this.names = names;
        this.taskInfo = taskInfo;
    }

    /** Who owns a task ({@code task_info} of get_next_task); the server reads it from the tasks read model. */
    public interface TaskInfo {
        Map<String, Object> of(String taskId, String company);
    }

    @ApiEndpoint(value = "queues.create", since = "2.4")
    public Object create(CallContext ctx) {
        ObjectNode body = ctx.body();
        String name = QueueErrors.checkName(Fields.requireString(body, "name"));
        if (names.idByName(ctx.company(), name).isPresent()) {
            throw QueueErrors.duplicateName(name);
        }
        String id = newId();
        commands.toQueue(new CreateQueueCommand(id, name, Fields.optString(body, "display_name"),
                Fields.optStringList(body, "tags"), Fields.optStringList(body, "system_tags"),
                ModelRequests.metadata(body.get("metadata"), "metadata"), ctx.audit()));
        return Map.of("id", id);
    }

    /** Creates a queue for the system or an enqueue by name; the caller checked the name is free. */
    String create(String name, List<String> systemTags, AuditEntry audit) {
        String id = newId();
        commands.toQueue(new CreateQueueCommand(id, name, null, List.of(), systemTags, Map.of(), audit));
        return id;
    }

    @ApiEndpoint(value = "queues.update", since = "2.4")
    public Object update(CallContext ctx) {
        ObjectNode body = ctx.body();
        String queue = Fields.requireString(body, "queue");
        String name = Fields.optString(body, "name");
        if (name != null) {
            name = QueueErrors.checkName(name);
            if (names.idByName(ctx.company(), name).filter(owner -> !owner.equals(queue)).isPresent()) {
                throw QueueErrors.duplicateName(name);
            }
        }
        UpdateQueueCommand command = new UpdateQueueCommand(queue, name, Fields.optString(body, "display_name"),
                Fields.optStringList(body, "tags"), Fields.optStringList(body, "system_tags"),
                ModelRequests.metadata(body.get("metadata"), "metadata"), ctx.audit());
        commands.toQueue(command);
        Map<String, Object> fields = new LinkedHashMap<>();
        putIfSet(fields, "name", command.name());
        putIfSet(fields, "display_name", command.displayName());
        putIfSet(fields, "tags", command.tags());
        putIfSet(fields, "system_tags", command.systemTags());
        putIfSet(fields, "metadata", command.metadata());
        fields.put("last_update", WireDates.format(ctx.receivedAt()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("updated", 1);
        response.put("fields", fields);
        return response;
    }

    @ApiEndpoint(value = "queues.delete", since = "2.4")
    public Object delete(CallContext ctx) {
        ObjectNode body = ctx.body();
        String queue = Fields.requireString(body, "queue");
        List<String> tasks = commands.toQueue(new DeleteQueueCommand(queue, Fields.optBool(body, "force", false),
                ctx.audit()));
        revert(tasks, ctx);
        return Map.of("deleted", 1);
    }

    @ApiEndpoint(value = "queues.add_task", since = "2.4")
    public Object addTask(CallContext ctx) {
        ObjectNode body = ctx.body();
        String queue = Fields.requireString(body, "queue");
        String task = Fields.requireString(body, "task");
        commands.toTask(new AddTaskToQueueCommand(queue, task, Fields.optBool(body, "update_execution_queue", true),
                ctx.audit()), ctx.company());
        return Map.of("added", 1);
    }

    @ApiEndpoint(value = "queues.remove_task", since = "2.4")
    public Object removeTask(CallContext ctx) {
        ObjectNode body = ctx.body();
        String queue = Fields.requireString(body, "queue");
        String task = Fields.requireString(body, "task");
        boolean removed = commands.toQueue(new RemoveQueueEntryCommand(queue, task, false, ctx.audit()));
        if (removed && Fields.optBool(body, "update_task_status", false)) {
            revert(List.of(task), ctx);
        }
        return Map.of("removed", removed ? 1 : 0);
    }

    @ApiEndpoint(value = "queues.move_task_forward", since = "2.4")
    public Object moveForward(CallContext ctx) {
        return move(ctx, QueueMove.BY_COUNT, -count(ctx));
    }

    @ApiEndpoint(value = "queues.move_task_backward", since = "2.4")
    public Object moveBackward(CallContext ctx) {
        return move(ctx, QueueMove.BY_COUNT, count(ctx));
    }

    @ApiEndpoint(value = "queues.move_task_to_front", since = "2.4")
    public Object moveToFront(CallContext ctx) {
        return move(ctx, QueueMove.TO_FRONT, 0);
    }

    @ApiEndpoint(value = "queues.move_task_to_back", since = "2.4")
    public Object moveToBack(CallContext ctx) {
        return move(ctx, QueueMove.TO_BACK, 0);
    }

    private Object move(CallContext ctx, QueueMove move, int count) {
        ObjectNode body = ctx.body();
        int position = commands.toQueue(new MoveQueueEntryCommand(Fields.requireString(body, "queue"),
                Fields.requireString(body, "task"), move, count, ctx.audit()));
        return Map.of("position", position);
    }

    private static int count(CallContext ctx) {
        Integer count = Fields.optInt(ctx.body(), "count");
        if (count != null && count < 1) {
            throw ApiError.VALIDATION_ERROR.toException("count must be at least 1", Map.of("count", count));
        }
        return count == null ? 1 : count;
    }

    /**
     * Pops the first entry for the calling worker (header {@code X-ClearML-Worker}, else the body's {@code worker}).
     * The queue aggregate handles one command at a time, so racing workers each get a different entry or none. The
     * popped task is then told it was handed out: one stopped meanwhile is queued again. An entry whose task was
     * deleted is dropped and the next one is popped.
     */
    @ApiEndpoint(value = "queues.get_next_task", since = "2.4")
    public Object getNextTask(CallContext ctx) {
        ObjectNode body = ctx.body();
        String queue = Fields.requireString(body, "queue");
        String worker = ctx.worker() != null ? ctx.worker() : Objects.requireNonNullElse(
                Fields.optString(body, "worker"), "");
        QueueEntry entry;
        do {
            entry = commands.toQueue(new PopQueueEntryCommand(queue, worker, ctx.audit()));
            if (entry == null) {
                return Map.of();
            }
        } while (!handedOut(entry, queue, worker, ctx));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("entry", Map.of("task", entry.task(), "added", WireDates.format(entry.added())));
        if (Fields.optBool(body, "get_task_info", false)) {
            response.put("task_info", taskInfo.of(entry.task(), ctx.company()));
        }
        return response;
    }

    /** False when the entry's task no longer exists (deleted while its entry waited). */
    private boolean handedOut(QueueEntry entry, String queue, String worker, CallContext ctx) {
        try {
            commands.toTask(new HandOutTaskCommand(entry.task(), queue, worker, ctx.audit()), ctx.company());
            return true;
        } catch (ApiException e) {
            if (e.code() == ApiError.INVALID_TASK_ID.code() && e.subcode() == ApiError.INVALID_TASK_ID.subcode()) {
                log.info("queue {}: entry of task {} dropped, the task no longer exists", queue, entry.task());
                return false;
            }
            throw e;
        }
    }

    @ApiEndpoint(value = "queues.clear_queue", since = "2.4")
    public Object clearQueue(CallContext ctx) {
        List<String> tasks = commands.toQueue(new ClearQueueCommand(Fields.requireString(ctx.body(), "queue"),
                ctx.audit()));
        revert(tasks, ctx);
        return Map.of("removed_tasks", tasks);
    }

    @ApiEndpoint(value = "queues.add_or_update_metadata", since = "2.13")
    public Object addOrUpdateMetadata(CallContext ctx) {
        ObjectNode body = ctx.body();
        String queue = Fields.requireString(body, "queue");
        Map<String, Object> items = ModelRequests.metadata(body.get("metadata"), "metadata");
        if (items == null) {
            throw ApiError.MISSING_REQUIRED_FIELDS.toException("metadata is required", Map.of("field", "metadata"));
        }
        commands.toQueue(new ChangeQueueMetadataCommand(queue, items, List.of(),
                Fields.optBool(body, "replace_metadata", false), ctx.audit()));
        return Map.of("updated", 1);
    }

    @ApiEndpoint(value = "queues.delete_metadata", since = "2.13")
    public Object deleteMetadata(CallContext ctx) {
        ObjectNode body = ctx.body();
        String queue = Fields.requireString(body, "queue");
        List<String> keys = Fields.optStringList(body, "keys");
        if (keys == null) {
            throw ApiError.MISSING_REQUIRED_FIELDS.toException("keys is required", Map.of("field", "keys"));
        }
        commands.toQueue(new ChangeQueueMetadataCommand(queue, Map.of(), keys, false, ctx.audit()));
        return Map.of("updated", 1);
    }

    /** Tasks taken out of a queue without a worker go back to the status they had before they were enqueued. */
    private void revert(List<String> tasks, CallContext ctx) {
        List<String> failed = new ArrayList<>();
        for (String task : tasks) {
            try {
                commands.toTask(new DequeueTaskCommand(task, null, "", "", ctx.audit()), ctx.company());
            } catch (RuntimeException e) {
                failed.add(task); // a task deleted meanwhile has nothing to revert
            }
        }
        if (!failed.isEmpty()) {
            log.info("tasks {} could not be reverted after leaving their queue", failed);
        }
    }

    private static void putIfSet(Map<String, Object> fields, String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    static String newId() {
        return NewIds.hex();
    }
}
