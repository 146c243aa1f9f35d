package io.xstore.migration.ops.imports;

import io.xstore.api.AuditEntry;
import io.xstore.api.queue.AddTaskToQueueCommand;
import io.xstore.api.task.EnqueueTaskCommand;
import org.bson.Document;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entries of the source's queues ({@code entries: [{task, added}]}, in queue order), carried over through the
 * same commands as {@code tasks.enqueue} and {@code queues.add_task}, so the task's and the queue's histories say it
 * with the import's call id ({@code import:clearml:queue:<queue id>}), the task's user and the entry's time. A task
 * {@code queued} on the source is enqueued (its status becomes {@code queued}); an entry of a task in another status
 * is added without changing the status, as {@code queues.add_task} did on the source. Only tasks created by this
 * run are carried (an earlier, interrupted run's tasks keep the status they reached).
 */
final class QueueEntryImport {

    private final ImportCommands commands;
    private final ImportReport report;
    private final Map<String, String> userNames;

    QueueEntryImport(ImportCommands commands, ImportReport report, Map<String, String> userNames) {
        this.commands = commands;
        this.report = report;
        this.userNames = userNames;
    }

    /**
     * @param queues      the source's queue documents
     * @param queueIds    source queue id → the queue here (itself, or this server's queue of the same name)
     * @param tasks       the source's task documents by id
     * @param createdNow  the tasks this run created
     */
    void run(List<Document> queues, Map<String, String> queueIds, Map<String, Document> tasks,
             Set<String> createdNow) {
        Set<String> enqueued = new HashSet<>();
        for (Document queue : queues) {
            String sourceQueue = Bson.id(queue);
            String target = queueIds.get(sourceQueue);
            if (!(queue.get("entries") instanceof List<?> entries)) {
                continue;
            }
            for (Object item : entries) {
                if (!(item instanceof Document entry) || entry.getString("task") == null) {
                    continue;
                }
                String taskId = entry.getString("task");
                Document task = tasks.get(taskId);
                if (task == null) {
                    report.unmapped("queue entry", sourceQueue + "/" + taskId, "the task is not in the source's "
                            + "task collection");
                    continue;
                }
                if (!createdNow.contains(taskId)) {
                    report.skipped("queue entries");
                    continue;
                }
                if (target == null) {
                    report.unmapped("queue entry", sourceQueue + "/" + taskId, "its queue was not imported");
                    continue;
                }
                String user = task.getString("user") == null ? "__system__" : task.getString("user");
                AuditEntry audit = new AuditEntry(user, userNames.getOrDefault(user, user),
                        task.getString("company") == null ? "" : task.getString("company"), firstNonNull(Bson.time(entry, "added"), Instant.now()),
                        EntityImport.CALL_PREFIX + "queue:" + sourceQueue);
                boolean queuedHere = "queued".equals(task.getString("status")) && enqueued.add(taskId);
                Object command = queuedHere
                        ? new EnqueueTaskCommand(taskId, target, task.getString("status_reason"),
                        task.getString("status_message"), audit)
                        : new AddTaskToQueueCommand(target, taskId, false, audit);
                if (commands.send("queue entry", sourceQueue + "/" + taskId, command)) {
                    report.imported("queue entries");
                }
            }
        }
        tasks.forEach((id, task) -> {
            if ("queued".equals(task.getString("status")) && createdNow.contains(id) && !enqueued.contains(id)) {
                report.unmapped("task", id, "status 'queued' but in no queue's entries: imported as created");
            }
        });
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }
}
