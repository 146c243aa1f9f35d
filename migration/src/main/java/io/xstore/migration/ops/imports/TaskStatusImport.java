package io.xstore.migration.ops.imports;

import io.xstore.api.AuditEntry;
import io.xstore.api.task.CloseTaskCommand;
import io.xstore.api.task.MarkTaskCompletedCommand;
import io.xstore.api.task.MarkTaskFailedCommand;
import io.xstore.api.task.MarkTaskStartedCommand;
import io.xstore.api.task.MarkTaskStoppedCommand;
import io.xstore.api.task.PublishTaskCommand;
import org.bson.Document;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/**
 * An imported task's status, reached through the status commands at the task's own times (force skips the
 * transition checks). The statuses without a way of their own (docs/operations.md, "import"):
 * <ul>
 *   <li>{@code queued}: stays {@code created} here; {@link QueueEntryImport} enqueues it afterwards, in its queue's
 *   order;</li>
 *   <li>{@code publishing}: a publish that had not finished; the only status it can go on to is {@code published},
 *   so it is imported published (and reported);</li>
 *   <li>{@code unknown}: outside the state machine; imported {@code closed} (results kept, not runnable as is, and
 *   {@code tasks.reset} brings it back to a draft), and reported.</li>
 * </ul>
 */
final class TaskStatusImport {

    private final ImportCommands commands;
    private final ImportReport report;
    /** (task document, time) → the audit entry of a command on that task at that time. */
    private final BiFunction<Document, Instant, AuditEntry> audit;

    TaskStatusImport(ImportCommands commands, ImportReport report, BiFunction<Document, Instant, AuditEntry> audit) {
        this.commands = commands;
        this.report = report;
        this.audit = audit;
    }

    void apply(Document task, String id) {
        String status = task.getString("status") == null ? "created" : task.getString("status");
        String reason = task.getString("status_reason");
        String message = task.getString("status_message");
        Instant started = Bson.time(task, "started");
        Instant ended = firstNonNull(Bson.time(task, "completed"), Bson.time(task, "status_changed"));
        boolean ran = started != null || List.of("in_progress", "stopped", "completed", "failed", "published",
                "publishing", "closed").contains(status);
        if (ran) {
            send(id, new MarkTaskStartedCommand(id, true, null, null,
                    audit.apply(task, firstNonNull(started, Bson.time(task, "created")))));
        }
        AuditEntry end = audit.apply(task, ended);
        switch (status) {
            case "created", "in_progress", "queued" -> { }
            case "stopped" -> send(id, new MarkTaskStoppedCommand(id, true, reason, message, end));
            case "completed" -> send(id, new MarkTaskCompletedCommand(id, true, reason, message, false, end));
            case "failed" -> send(id, new MarkTaskFailedCommand(id, true, reason, message, end));
            case "closed" -> send(id, new CloseTaskCommand(id, true, reason, message, end));
            case "published", "publishing" -> {
                send(id, new MarkTaskCompletedCommand(id, true, null, null, false, end));
                send(id, new PublishTaskCommand(id, true, reason, message,
                        audit.apply(task, firstNonNull(Bson.time(task, "published"), ended))));
                if ("publishing".equals(status)) {
                    report.noted("task", id, "status 'publishing' (a publish that had not finished) imported as "
                            + "published");
                }
            }
            case "unknown" -> {
                send(id, new CloseTaskCommand(id, true, reason, "status 'unknown' on the imported server", end));
                report.noted("task", id, "status 'unknown' imported as closed");
            }
            default -> report.unmapped("task", id, "status '" + status + "' imported as created");
        }
    }

    private void send(String id, Object command) {
        commands.send("task", id, command);
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }
}
