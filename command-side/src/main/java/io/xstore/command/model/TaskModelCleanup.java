package io.xstore.command.model;

import io.xstore.api.AuditEntry;
import io.xstore.api.model.DeleteModelWithLinksCommand;
import io.xstore.api.model.PublishModelCommand;
import io.xstore.api.model.PublishModelWithTaskCommand;
import io.xstore.api.task.DeleteTaskCommand;
import io.xstore.api.task.DeleteTaskWithModelsCommand;
import io.xstore.api.task.PublishTaskCommand;
import io.xstore.api.task.ResetTaskCommand;
import io.xstore.api.task.ResetTaskWithModelsCommand;
import io.xstore.api.task.TaskResetEvent;
import io.xstore.api.task.TaskStatus;
import io.xstore.command.task.StatusOutcome;
import io.xstore.command.task.TaskAggregate;
import io.xstore.command.task.TaskCleanupResult;
import io.xstore.protocol.ApiError;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commands that change tasks and models together (docs/api/behaviour-rules.md §4, §6): a task delete or reset
 * with its models and children, a model delete with the tasks that name it, a model publish that publishes its task
 * first. Every aggregate touched is loaded in the one unit of work of the command, so all their events are stored
 * together or not at all, each with the audit (call id) of the originating call. Which other aggregates are involved
 * comes from {@link TaskModelUsage}.
 */
public class TaskModelCleanup {

    static final String DELETED_PREFIX = "__DELETED__";
    private static final Set<TaskStatus> PUBLISHABLE = Set.of(TaskStatus.STOPPED, TaskStatus.COMPLETED,
            TaskStatus.FAILED, TaskStatus.CLOSED);

    private final Repository<TaskAggregate> tasks;
    private final Repository<ModelAggregate> models;
    private final TaskModelUsage usage;
    private final TaskEventFiles eventFiles;

    public TaskModelCleanup(Repository<TaskAggregate> tasks, Repository<ModelAggregate> models,
                            TaskModelUsage usage) {
        this(tasks, models, usage, TaskEventFiles.NONE);
    }

    public TaskModelCleanup(Repository<TaskAggregate> tasks, Repository<ModelAggregate> models,
                            TaskModelUsage usage, TaskEventFiles eventFiles) {
        this.tasks = tasks;
        this.models = models;
        this.usage = usage;
        this.eventFiles = eventFiles;
    }

    /**
     * The task is deleted (its own status rules first), then, without {@code force}, a published child or a ready
     * model refuses it all (400/123); its models are cleaned up and its children re-parented.
     */
    @CommandHandler
    public TaskCleanupResult handle(DeleteTaskWithModelsCommand command) {
        AuditEntry audit = command.audit();
        String id = command.taskId();
        Aggregate<TaskAggregate> task = tasks.load(id);
        task.execute(t -> t.assertOwnedBy(audit));
        Map<String, Aggregate<ModelAggregate>> owned = modelsOf(task, id, audit.companyId());
        List<Aggregate<TaskAggregate>> children = loadTasks(usage.childrenOf(id, audit.companyId()), id);
        List<String> artifactUrls = task.invoke(TaskAggregate::outputArtifactUris);
        List<String> eventUrls = eventFiles.urlsOf(id, audit.companyId());
        task.execute(t -> t.handle(new DeleteTaskCommand(id, command.force(), command.deleteExternalArtifacts(),
                eventUrls, audit)));
        if (!command.force()) {
            refuseWhenPublished(id, children, owned);
        }
        Counts counts = command.deleteOutputModels() ? cleanUpModels(id, owned, true, audit) : new Counts();
        for (Aggregate<TaskAggregate> child : children) {
            child.execute(c -> c.reparentUnderDeleted(id, audit));
        }
        return new TaskCleanupResult(null, children.size(), counts.updated, counts.deleted, counts.urls,
                artifactUrls, eventUrls);
    }

    /** As the delete, except that children are only checked (never changed) and published models lose their task. */
    @CommandHandler
    public TaskCleanupResult handle(ResetTaskWithModelsCommand command) {
        AuditEntry audit = command.audit();
        String id = command.taskId();
        Aggregate<TaskAggregate> task = tasks.load(id);
        task.execute(t -> t.assertOwnedBy(audit));
        Map<String, Aggregate<ModelAggregate>> owned = modelsOf(task, id, audit.companyId());
        List<String> artifactUrls = task.invoke(TaskAggregate::outputArtifactUris);
        TaskResetEvent reset = task.invoke(t -> t.handle(new ResetTaskCommand(id, command.force(),
                command.clearAll(), audit)));
        if (!command.force()) {
            refuseWhenPublished(id, loadTasks(usage.childrenOf(id, audit.companyId()), id), owned);
        }
        Counts counts = command.deleteOutputModels() ? cleanUpModels(id, owned, false, audit) : new Counts();
        return new TaskCleanupResult(reset, 0, counts.updated, counts.deleted, counts.urls, artifactUrls, List.of());
    }

    /**
     * The creating task drops the model from {@code models.output} (a published one, only with {@code force} 400/206,
     * names {@code __DELETED__<id>} instead); tasks using it as input (only with {@code force}, 400/205) name
     * {@code __DELETED__<id>}. Answers the model's uri.
     */
    @CommandHandler
    public String handle(DeleteModelWithLinksCommand command) {
        AuditEntry audit = command.audit();
        String id = command.modelId();
        Aggregate<ModelAggregate> model = models.load(id);
        model.execute(m -> m.requireOwner(command.company()));
        String taskId = model.invoke(ModelAggregate::task);
        Aggregate<TaskAggregate> creating = taskId == null || taskId.startsWith(DELETED_PREFIX) ? null
                : optionalTask(taskId, command.company());
        boolean creatorPublished = creating != null
                && creating.invoke(TaskAggregate::currentStatus) == TaskStatus.PUBLISHED;
        if (creatorPublished && !command.force()) {
            throw ApiError.MODEL_CREATING_TASK_EXISTS.toException("the model's task is published, use force",
                    Map.of("model", id, "task", taskId));
        }
        List<Aggregate<TaskAggregate>> users = loadTasks(usage.tasksWithInputModel(id, command.company()), null);
        if (!users.isEmpty() && !command.force()) {
            throw ApiError.MODEL_IN_USE.toException("the model is used as input by tasks, use force",
                    Map.of("model", id, "tasks", users.stream().map(Aggregate::identifierAsString).toList()));
        }
        if (creating != null) {
            creating.execute(t -> {
                if (creatorPublished) {
                    t.markModelDeleted("output", id, audit);
                } else {
                    t.detachOutputModel(id, audit);
                }
            });
        }
        for (Aggregate<TaskAggregate> user : users) {
            user.execute(t -> t.markModelDeleted("input", id, audit));
        }
        return model.invoke(m -> m.delete(audit));
    }

    /**
     * With {@code publishTask}, the model's task is published first: a task that is neither published nor in a
     * publishable status refuses it (400/110) unless {@code forceTask}; then the model.
     */
    @CommandHandler
    public ModelPublication handle(PublishModelWithTaskCommand command) {
        AuditEntry audit = command.audit();
        String id = command.modelId();
        Aggregate<ModelAggregate> model = models.load(id);
        model.execute(m -> m.requireOwner(command.company()));
        if (model.invoke(ModelAggregate::ready)) {
            throw ApiError.MODEL_IS_READY.toException(Map.of("id", id));
        }
        String taskId = model.invoke(ModelAggregate::task);
        StatusOutcome taskPublished = null;
        if (command.publishTask() && taskId != null && !taskId.startsWith(DELETED_PREFIX)) {
            Aggregate<TaskAggregate> task = optionalTask(taskId, command.company());
            TaskStatus status = task == null ? null : task.invoke(TaskAggregate::currentStatus);
            if (status != null && status != TaskStatus.PUBLISHED) {
                if (!command.forceTask() && !PUBLISHABLE.contains(status)) {
                    throw ApiError.INVALID_TASK_STATUS.toException("the model's task cannot be published",
                            Map.of("task", taskId, "status", status.wire(), "expected",
                                    "stopped, completed, failed or closed (or force_publish_task)"));
                }
                taskPublished = task.invoke(t -> t.handle(new PublishTaskCommand(taskId, command.forceTask(),
                        null, null, audit)));
            }
        }
        model.execute(m -> m.handle(new PublishModelCommand(id, command.company(), audit)));
        return new ModelPublication(taskId, taskPublished);
    }

    // ---- helpers ----

    /** The models whose task is {@code taskId} and those its {@code models.output} names, that exist. */
    private Map<String, Aggregate<ModelAggregate>> modelsOf(Aggregate<TaskAggregate> task, String taskId,
                                                            String company) {
        Set<String> ids = new LinkedHashSet<>(usage.modelsOfTask(taskId, company));
        ids.addAll(task.invoke(TaskAggregate::outputModelIds));
        Map<String, Aggregate<ModelAggregate>> found = new LinkedHashMap<>();
        for (String modelId : ids) {
            if (modelId.startsWith(DELETED_PREFIX)) {
                continue;
            }
            try {
                Aggregate<ModelAggregate> model = models.load(modelId);
                if (model.invoke(ModelAggregate::company).equals(company)) {
                    found.put(modelId, model);
                }
            } catch (AggregateNotFoundException e) {
                // named by an output entry but deleted since
            }
        }
        return found;
    }

    private static void refuseWhenPublished(String taskId, List<Aggregate<TaskAggregate>> children,
                                            Map<String, Aggregate<ModelAggregate>> owned) {
        List<String> publishedChildren = children.stream()
                .filter(c -> c.invoke(TaskAggregate::currentStatus) == TaskStatus.PUBLISHED)
                .map(Aggregate::identifierAsString).toList();
        if (!publishedChildren.isEmpty()) {
            throw ApiError.TASK_CANNOT_BE_DELETED.toException("the task has published children, use force",
                    Map.of("task", taskId, "children", publishedChildren));
        }
        List<String> readyModels = owned.entrySet().stream().filter(e -> e.getValue().invoke(ModelAggregate::ready))
                .map(Map.Entry::getKey).toList();
        if (!readyModels.isEmpty()) {
            throw ApiError.TASK_CANNOT_BE_DELETED.toException("the task has published models, use force",
                    Map.of("task", taskId, "models", readyModels));
        }
    }

    /**
     * Draft models are deleted, except one used as input by another task, which loses its task; published ones name
     * {@code __DELETED__<task id>} ({@code deleting}) or lose their task (a reset).
     */
    private Counts cleanUpModels(String taskId, Map<String, Aggregate<ModelAggregate>> owned, boolean deleting,
                                 AuditEntry audit) {
        Counts counts = new Counts();
        owned.forEach((modelId, model) -> {
            if (model.invoke(ModelAggregate::ready)) {
                if (deleting) {
                    model.execute(m -> m.pointToDeletedTask(taskId, DELETED_PREFIX, audit));
                } else {
                    model.execute(m -> m.unsetTask(audit));
                }
                counts.updated++;
            } else if (usage.tasksWithInputModel(modelId, audit.companyId()).stream()
                    .anyMatch(user -> !user.equals(taskId))) {
                model.execute(m -> m.unsetTask(audit));
                counts.updated++;
            } else {
                String uri = model.invoke(m -> m.delete(audit));
                counts.deleted++;
                if (!uri.isEmpty()) {
                    counts.urls.add(uri);
                }
            }
        });
        return counts;
    }

    /** The tasks that still exist, without {@code except}. */
    private List<Aggregate<TaskAggregate>> loadTasks(List<String> ids, String except) {
        List<Aggregate<TaskAggregate>> loaded = new ArrayList<>();
        for (String taskId : new LinkedHashSet<>(ids)) {
            if (!taskId.equals(except)) {
                Aggregate<TaskAggregate> task = optionalTask(taskId, null);
                if (task != null) {
                    loaded.add(task);
                }
            }
        }
        return loaded;
    }

    /** A task that may have been deleted meanwhile (then null); with a company, only one of that company. */
    private Aggregate<TaskAggregate> optionalTask(String taskId, String company) {
        try {
            Aggregate<TaskAggregate> task = tasks.load(taskId);
            if (company != null && !task.invoke(TaskAggregate::company).equals(company)) {
                return null;
            }
            return task;
        } catch (AggregateNotFoundException e) {
            return null;
        }
    }

    private static final class Counts {
        private int updated;
        private int deleted;
        private final List<String> urls = new ArrayList<>();
    }
}
