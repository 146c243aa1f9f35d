package io.xstore.command.queue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.api.task.DequeueTaskCommand;
import io.xstore.api.task.EnqueueTaskCommand;
import io.xstore.api.task.TaskDequeuedEvent;
import io.xstore.api.task.TaskStatus;
import io.xstore.command.BatchResult;
import io.xstore.command.task.TaskRequests;
import io.xstore.command.task.TaskResponses;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import io.xstore.protocol.WireDates;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * tasks.enqueue / enqueue_many / dequeue / dequeue_many (docs/api/queues.md): one coordinator command per task, which
 * changes the task's status and the queue's entries in one unit of work.
 */
@Component
public class TaskQueueEndpoints {

    private final QueueCommandSender commands;
    private final QueueDirectory directory;
    private final QueueNames names;
    private final QueuesWriteEndpoints queues;

    public TaskQueueEndpoints(CommandGateway gateway, QueueDirectory directory, QueueNames names,
                              QueuesWriteEndpoints queues) {
        this.commands = new QueueCommandSender(gateway);
        this.directory = directory;
        this.names = names;
        this.queues = queues;
    }

    @ApiEndpoint("tasks.enqueue")
    public Object enqueue(CallContext ctx) {
        ObjectNode body = ctx.body();
        String task = Fields.requireString(body, "task");
        return enqueue(task, queue(body, ctx), ctx);
    }

    @ApiEndpoint(value = "tasks.enqueue_many", since = "2.13")
    public Object enqueueMany(CallContext ctx) {
        ObjectNode body = ctx.body();
        List<String> ids = TaskRequests.requiredIds(body, "ids");
        String queue = queue(body, ctx);
        Map<String, Object> response = BatchResult.run(ids, id -> enqueue(id, queue, ctx),
                e -> e instanceof ApiException api ? api : null);
        if (Fields.optBool(body, "verify_watched_queue", false)) {
            response.put("queue_watched", true);
        }
        return response;
    }

    private Map<String, Object> enqueue(String task, String queue, CallContext ctx) {
        ObjectNode body = ctx.body();
        commands.toTask(new EnqueueTaskCommand(task, queue, Fields.optString(body, "status_reason"),
                Fields.optString(body, "status_message"), ctx.audit()), ctx.company());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", TaskStatus.QUEUED.wire());
        fields.put("status_reason", textOf(Fields.optString(body, "status_reason")));
        fields.put("status_message", textOf(Fields.optString(body, "status_message")));
        fields.put("status_changed", WireDates.format(ctx.receivedAt()));
        fields.put("execution.queue", queue);
        fields.put("last_update", WireDates.format(ctx.receivedAt()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("queued", 1);
        response.put("updated", 1);
        response.put("fields", fields);
        if (Fields.optBool(body, "verify_watched_queue", false)) {
            response.put("queue_watched", true);
        }
        return response;
    }

    /** {@code queue} id, else {@code queue_name} (created when missing), else the company's default queue. */
    private String queue(ObjectNode body, CallContext ctx) {
        String queue = Fields.optString(body, "queue");
        if (queue != null && !queue.isEmpty()) {
            return queue;
        }
        String name = Fields.optString(body, "queue_name");
        if (name != null && !name.isEmpty()) {
            String checked = QueueErrors.checkName(name);
            return names.idByName(ctx.company(), checked).orElseGet(() -> createNamed(checked, ctx));
        }
        return directory.defaultQueue(ctx.company())
                .orElseThrow(() -> ApiError.NO_DEFAULT_QUEUE.toException(Map.of("company", ctx.company())));
    }

    /** Creates the queue; when a concurrent enqueue created it first, that one is used. */
    private String createNamed(String name, CallContext ctx) {
        try {
            return queues.create(name, List.of(), ctx.audit());
        } catch (ApiException e) {
            return names.idByName(ctx.company(), name).orElseThrow(() -> e);
        }
    }

    @ApiEndpoint("tasks.dequeue")
    public Object dequeue(CallContext ctx) {
        return dequeue(Fields.requireString(ctx.body(), "task"), ctx);
    }

    @ApiEndpoint(value = "tasks.dequeue_many", since = "2.13")
    public Object dequeueMany(CallContext ctx) {
        return BatchResult.run(TaskRequests.requiredIds(ctx.body(), "ids"), id -> dequeue(id, ctx),
                e -> e instanceof ApiException api ? api : null);
    }

    private Map<String, Object> dequeue(String task, CallContext ctx) {
        ObjectNode body = ctx.body();
        TaskStatus newStatus = null;
        String wanted = Fields.optString(body, "new_status");
        if (wanted != null && !wanted.isEmpty()) {
            newStatus = TaskStatus.fromWire(wanted).orElseThrow(() -> ApiError.VALIDATION_ERROR.toException(
                    "invalid task status", Map.of("new_status", wanted)));
        }
        TaskDequeuedEvent dequeued = commands.toTask(new DequeueTaskCommand(task, newStatus,
                Fields.optString(body, "status_reason"), Fields.optString(body, "status_message"), ctx.audit()),
                ctx.company());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("dequeued", 1);
        response.put("updated", dequeued == null ? 0 : 1);
        response.put("fields", dequeued == null ? Map.of() : TaskResponses.statusFields(dequeued));
        return response;
    }

    private static String textOf(String value) {
        return value == null ? "" : value;
    }
}
