package io.xstore.projection.task;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.xstore.api.task.TaskMadePrivateEvent;
import io.xstore.api.task.TaskMadePublicEvent;
import io.xstore.api.AuditEntry;
import io.xstore.api.task.ArtifactKey;
import io.xstore.api.task.HyperParamRef;
import io.xstore.api.task.TaskArchivedEvent;
import io.xstore.api.task.TaskArtifactsAddedOrUpdatedEvent;
import io.xstore.api.task.TaskArtifactsDeletedEvent;
import io.xstore.api.task.TaskConfigurationDeletedEvent;
import io.xstore.api.task.TaskConfigurationEditedEvent;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskCreatedEvent;
import io.xstore.api.task.TaskDeletedEvent;
import io.xstore.api.task.TaskEditedEvent;
import io.xstore.api.task.TaskHyperParamsDeletedEvent;
import io.xstore.api.task.TaskHyperParamsEditedEvent;
import io.xstore.api.task.TaskIterationReportedEvent;
import io.xstore.api.task.TaskMetricsRecordedEvent;
import io.xstore.projection.summary.LastMetricsUpdates;
import io.xstore.api.task.TaskModelAttachedEvent;
import io.xstore.api.task.TaskModelRef;
import io.xstore.api.task.TaskModelsDetachedEvent;
import io.xstore.api.task.TaskRequirementsSetEvent;
import io.xstore.api.task.TaskResetEvent;
import io.xstore.api.task.TaskEnqueuedEvent;
import io.xstore.api.task.TaskExecutionQueueSetEvent;
import io.xstore.api.task.TaskReportChangedEvent;
import io.xstore.api.task.TaskStatus;
import io.xstore.api.task.TaskStatusEvent;
import io.xstore.api.task.TaskCommentChangedEvent;
import io.xstore.api.task.TaskMovedEvent;
import io.xstore.api.task.TaskHyperParamsReplacedEvent;
import io.xstore.api.task.TaskConfigurationReplacedEvent;
import io.xstore.api.task.TaskRenamedEvent;
import io.xstore.api.task.TaskSystemTagsChangedEvent;
import io.xstore.api.task.TaskTagsChangedEvent;
import io.xstore.api.task.TaskStatusMessageSetEvent;
import io.xstore.api.task.TaskUnarchivedEvent;
import io.xstore.projection.store.ReadModelCollection;
import io.xstore.projection.store.ReadModelStore;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.MongoKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the {@code tasks} read model in ClearML's wire shape (docs/api/tasks.md): {@code _id} = task id, tags sorted,
 * {@code execution.artifacts} a list sorted by key, user-chosen map keys escaped with {@link MongoKeys}. Every
 * handler sets absolute values (or upserts by key), so replaying an event is harmless. Liveness fields
 * ({@code last_update} on ping, {@code last_worker}) are written elsewhere with field-level updates.
 */
@Component
@ProcessingGroup("tasks")
public class TaskProjection {

    static final String DELETED_PARENT_PREFIX = "__DELETED__";

    private final ReadModelCollection tasks;

    public TaskProjection(ReadModelStore store) {
        this.tasks = store.collection(Collections.TASKS);
        TaskIndexes.create(store.database().getCollection(Collections.TASKS));
    }

    @EventHandler
    void on(TaskCreatedEvent event) {
        tasks.replace(event.taskId(), TaskDocuments.created(event));
    }

    @EventHandler
    void on(TaskEditedEvent event) {
        update(event.taskId(), event.audit(), edits(event.changes()));
    }

    @EventHandler
    void on(TaskRenamedEvent event) {
        update(event.taskId(), event.audit(), edits(TaskContent.none().withName(event.name())));
    }

    @EventHandler
    void on(TaskCommentChangedEvent event) {
        update(event.taskId(), event.audit(), edits(TaskContent.none().withComment(event.comment())));
    }

    @EventHandler
    void on(TaskTagsChangedEvent event) {
        update(event.taskId(), event.audit(), edits(TaskContent.none().withTags(event.tags())));
    }

    @EventHandler
    void on(TaskSystemTagsChangedEvent event) {
        update(event.taskId(), event.audit(), edits(TaskContent.none().withSystemTags(event.systemTags())));
    }

    @EventHandler
    void on(TaskMovedEvent event) {
        update(event.taskId(), event.audit(), edits(TaskContent.none().withProject(event.project())));
    }

    @EventHandler
    void on(TaskHyperParamsReplacedEvent event) {
        update(event.taskId(), event.audit(), edits(TaskContent.none().withHyperparams(event.hyperparams())));
    }

    @EventHandler
    void on(TaskConfigurationReplacedEvent event) {
        update(event.taskId(), event.audit(), edits(TaskContent.none().withConfiguration(event.configuration())));
    }

    @EventHandler
    void on(TaskStatusEvent event) {
        Date at = Date.from(event.audit().at());
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("status", event.to().wire()),
                Updates.set("status_reason", event.statusReason()),
                Updates.set("status_message", event.statusMessage()),
                Updates.set("status_changed", at)));
        if (event.startsRun()) {
            updates.add(Updates.set("started", at));
        }
        if (event.setsCompleted()) {
            updates.add(Updates.set("completed", at));
        }
        if (event.setsPublished()) {
            updates.add(Updates.set("published", at));
        }
        if (event.endsRun()) {
            updates.add(Updates.set("active_duration", event.activeDuration()));
        }
        if (event instanceof TaskEnqueuedEvent enqueued) {
            updates.add(Updates.set("execution.queue", enqueued.queueId()));
            if (enqueued.from() != TaskStatus.QUEUED) {
                updates.add(Updates.set("enqueue_status", enqueued.from().wire()));
            }
        }
        update(event.taskId(), event.audit(), updates);
    }

    @EventHandler
    void on(TaskReportChangedEvent event) {
        update(event.taskId(), event.audit(), List.of(Updates.set("report", event.report())));
    }

    @EventHandler
    void on(TaskExecutionQueueSetEvent event) {
        update(event.taskId(), event.audit(), List.of(Updates.set("execution.queue", event.queueId())));
    }

    @EventHandler
    void on(TaskStatusMessageSetEvent event) {
        update(event.taskId(), event.audit(), List.of(Updates.set("status_message", event.statusMessage())));
    }

    /** What tasks.reset clears (docs/api/tasks.md, Reset); output artifacts go, input artifacts stay. */
    @EventHandler
    void on(TaskResetEvent event) {
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("status", "created"),
                Updates.set("status_reason", ""),
                Updates.set("status_message", ""),
                Updates.set("status_changed", Date.from(event.audit().at())),
                Updates.set("last_iteration", 0),
                Updates.set("last_metrics", new Document()),
                Updates.set("models.output", List.of()),
                Updates.set("runtime", new Document()),
                Updates.unset("started"),
                Updates.unset("completed"),
                Updates.unset("published"),
                Updates.unset("active_duration"),
                Updates.unset("last_worker"),
                Updates.unset("last_worker_report"),
                Updates.unset("enqueue_status"),
                Updates.unset("unique_metrics"),
                Updates.unset("metric_stats"),
                Updates.unset("output.result"),
                Updates.unset("output.error")));
        if (event.clearAll()) {
            updates.add(Updates.set("execution", new Document()));
            updates.add(Updates.unset("script"));
        } else {
            List<Document> kept = artifacts(event.taskId()).stream()
                    .filter(a -> "input".equals(a.get("mode"))).toList();
            updates.add(Updates.unset("execution.queue"));
            updates.add(Updates.set("execution.artifacts", kept));
        }
        update(event.taskId(), event.audit(), updates);
    }

    @EventHandler
    void on(TaskRequirementsSetEvent event) {
        update(event.taskId(), event.audit(), List.of(Updates.set("script.requirements",
                MongoKeys.toMongoValue(event.requirements()))));
    }

    @EventHandler
    @SuppressWarnings("unchecked")
    void on(TaskHyperParamsEditedEvent event) {
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        for (Map<String, Object> item : event.hyperparams()) {
            sections.computeIfAbsent((String) item.get("section"), s -> new LinkedHashMap<>())
                    .put((String) item.get("name"), item);
        }
        Map<String, Object> paths = new LinkedHashMap<>();
        switch (event.replace()) {
            case "all" -> paths.put("hyperparams", MongoKeys.toMongoValue(sections));
            case "section" -> sections.forEach((section, params) ->
                    paths.put("hyperparams." + MongoKeys.escape(section), MongoKeys.toMongo(params)));
            default -> sections.forEach((section, params) -> params.forEach((name, item) ->
                    paths.put(path("hyperparams", section, name), MongoKeys.toMongo((Map<String, ?>) item))));
        }
        update(event.taskId(), event.audit(), sets(paths));
    }

    @EventHandler
    void on(TaskHyperParamsDeletedEvent event) {
        List<String> wholeSections = event.hyperparams().stream().filter(r -> r.name() == null)
                .map(HyperParamRef::section).toList();
        Set<String> paths = new LinkedHashSet<>();
        for (HyperParamRef ref : event.hyperparams()) {
            if (ref.name() == null) {
                paths.add(path("hyperparams", ref.section()));
            } else if (!wholeSections.contains(ref.section())) {
                paths.add(path("hyperparams", ref.section(), ref.name()));
            }
        }
        update(event.taskId(), event.audit(), unsets(paths));
    }

    @EventHandler
    void on(TaskConfigurationEditedEvent event) {
        Map<String, Object> items = new LinkedHashMap<>();
        event.configuration().forEach(item -> items.put((String) item.get("name"), item));
        Map<String, Object> paths = new LinkedHashMap<>();
        if (event.replace()) {
            paths.put("configuration", MongoKeys.toMongo(items));
        } else {
            items.forEach((name, item) -> paths.put(path("configuration", name), MongoKeys.toMongoValue(item)));
        }
        update(event.taskId(), event.audit(), sets(paths));
    }

    @EventHandler
    void on(TaskConfigurationDeletedEvent event) {
        Set<String> paths = new LinkedHashSet<>();
        event.names().forEach(name -> paths.add(path("configuration", name)));
        update(event.taskId(), event.audit(), unsets(paths));
    }

    @EventHandler
    void on(TaskArtifactsAddedOrUpdatedEvent event) {
        Map<ArtifactKey, Document> byKey = new LinkedHashMap<>();
        artifacts(event.taskId()).forEach(a -> byKey.put(keyOf(a), a));
        TaskDocuments.artifacts(event.artifacts()).forEach(a -> byKey.put(keyOf(a), a));
        update(event.taskId(), event.audit(), List.of(Updates.set("execution.artifacts",
                TaskDocuments.artifacts(new ArrayList<>(byKey.values())))));
    }

    @EventHandler
    void on(TaskArtifactsDeletedEvent event) {
        List<Document> kept = artifacts(event.taskId()).stream()
                .filter(a -> !event.artifacts().contains(keyOf(a))).toList();
        update(event.taskId(), event.audit(), List.of(Updates.set("execution.artifacts", kept)));
    }

    @EventHandler
    void on(TaskModelAttachedEvent event) {
        List<Document> entries = new ArrayList<>(models(event.taskId(), event.type()));
        Document entry = TaskDocuments.model(event.entry());
        int existing = indexOfModel(entries, event.entry().name());
        if (existing >= 0) {
            entries.set(existing, entry);
        } else {
            entries.add(entry);
        }
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("models." + event.type(), entries)));
        if (event.iteration() != null) {
            updates.add(Updates.max("last_iteration", event.iteration()));
        }
        update(event.taskId(), event.audit(), updates);
    }

    /** Progress, not a user change: only last_update moves along with last_iteration. */
    @EventHandler
    void on(TaskIterationReportedEvent event) {
        tasks.update(event.taskId(), List.of(
                Updates.max("last_iteration", event.iteration()),
                Updates.set("last_update", Date.from(event.audit().at()))));
    }

    @EventHandler
    void on(TaskMetricsRecordedEvent event) {
        update(event.taskId(), event.audit(),
                LastMetricsUpdates.of(event.lastIteration(), event.metrics(), event.activity()));
    }

    @EventHandler
    void on(TaskModelsDetachedEvent event) {
        List<Bson> updates = new ArrayList<>();
        for (String type : List.of("input", "output")) {
            List<String> names = event.models().stream().filter(r -> type.equals(r.type()))
                    .map(TaskModelRef::name).toList();
            if (!names.isEmpty()) {
                updates.add(Updates.set("models." + type, models(event.taskId(), type).stream()
                        .filter(m -> !names.contains(m.getString("name"))).toList()));
            }
        }
        update(event.taskId(), event.audit(), updates);
    }

    @EventHandler
    void on(TaskArchivedEvent event) {
        List<Bson> updates = new ArrayList<>(systemTag(event.taskId(), "archived", true));
        if (event.statusReason() != null) {
            updates.add(Updates.set("status_reason", event.statusReason()));
        }
        if (event.statusMessage() != null) {
            updates.add(Updates.set("status_message", event.statusMessage()));
        }
        update(event.taskId(), event.audit(), updates);
    }

    @EventHandler
    void on(TaskUnarchivedEvent event) {
        update(event.taskId(), event.audit(), systemTag(event.taskId(), "archived", false));
    }

    /** Children keep a marked reference to their deleted parent, as ClearML does. */
    @EventHandler
    void on(TaskDeletedEvent event) {
        tasks.delete(event.taskId());
        tasks.updateMany(Filters.eq("parent", event.taskId()),
                Updates.set("parent", DELETED_PARENT_PREFIX + event.taskId()));
    }

    @ResetHandler
    void reset() {
        tasks.clear();
    }

    // ---- helpers ----

    private static List<Bson> edits(TaskContent c) {
        List<Bson> updates = new ArrayList<>();
        setIfPresent(updates, "name", c.name());
        setIfPresent(updates, "type", c.type());
        setIfPresent(updates, "comment", c.comment());
        setOrUnset(updates, "project", c.project());
        setOrUnset(updates, "parent", c.parent());
        if (c.tags() != null) {
            updates.add(Updates.set("tags", TaskDocuments.sorted(c.tags())));
        }
        if (c.systemTags() != null) {
            updates.add(Updates.set("system_tags", TaskDocuments.sorted(c.systemTags())));
        }
        mergeKeys(updates, "script", c.script());
        if (c.execution() != null) {
            c.execution().forEach((key, value) -> updates.add("artifacts".equals(key) && value instanceof List<?> list
                    ? Updates.set("execution.artifacts", TaskDocuments.artifacts(list))
                    : Updates.set(path("execution", key), MongoKeys.toMongoValue(value))));
        }
        if (c.hyperparams() != null) {
            updates.add(Updates.set("hyperparams", TaskDocuments.escaped(c.hyperparams())));
        }
        if (c.configuration() != null) {
            updates.add(Updates.set("configuration", TaskDocuments.escaped(c.configuration())));
        }
        if (c.models() != null && c.models().input() != null) {
            updates.add(Updates.set("models.input", TaskDocuments.models(c.models().input())));
        }
        if (c.models() != null && c.models().output() != null) {
            updates.add(Updates.set("models.output", TaskDocuments.models(c.models().output())));
        }
        if (c.container() != null) {
            updates.add(Updates.set("container", TaskDocuments.escaped(c.container())));
        }
        if (c.runtime() != null) {
            updates.add(Updates.set("runtime", TaskDocuments.escaped(c.runtime())));
        }
        mergeKeys(updates, "output", c.output());
        return updates;
    }

    private static void setIfPresent(List<Bson> updates, String field, Object value) {
        if (value != null) {
            updates.add(Updates.set(field, value));
        }
    }

    private static void setOrUnset(List<Bson> updates, String field, String value) {
        if (value != null) {
            updates.add(value.isEmpty() ? Updates.unset(field) : Updates.set(field, value));
        }
    }

    private static void mergeKeys(List<Bson> updates, String field, Map<String, Object> values) {
        if (values != null) {
            values.forEach((key, value) -> updates.add(Updates.set(path(field, key), MongoKeys.toMongoValue(value))));
        }
    }

    private void update(String taskId, AuditEntry audit, List<Bson> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Date at = Date.from(audit.at());
        List<Bson> all = new ArrayList<>(changes);
        all.add(Updates.set("last_update", at));
        all.add(Updates.set("last_change", at));
        all.add(Updates.set("last_changed_by", audit.userId()));
        tasks.update(taskId, all);
    }

    private List<Bson> systemTag(String taskId, String tag, boolean present) {
        Document task = tasks.find(taskId);
        if (task == null) {
            return List.of();
        }
        List<String> tags = new ArrayList<>(task.getList("system_tags", String.class, List.of()));
        tags.remove(tag);
        if (present) {
            tags.add(tag);
        }
        return List.of(Updates.set("system_tags", TaskDocuments.sorted(tags)));
    }

    private List<Document> artifacts(String taskId) {
        Document task = tasks.find(taskId);
        if (task == null || !(task.get("execution") instanceof Document execution)) {
            return List.of();
        }
        return execution.getList("artifacts", Document.class, List.of());
    }

    private List<Document> models(String taskId, String type) {
        Document task = tasks.find(taskId);
        if (task == null || !(task.get("models") instanceof Document models)) {
            return List.of();
        }
        return models.getList(type, Document.class, List.of());
    }

    private static int indexOfModel(List<Document> entries, String name) {
        for (int i = 0; i < entries.size(); i++) {
            if (name.equals(entries.get(i).getString("name"))) {
                return i;
            }
        }
        return -1;
    }

    private static ArtifactKey keyOf(Document artifact) {
        return new ArtifactKey(Objects.toString(artifact.get("key"), ""),
                Objects.toString(artifact.get("mode"), "output"));
    }

    private static List<Bson> sets(Map<String, Object> paths) {
        List<Bson> updates = new ArrayList<>();
        paths.forEach((path, value) -> updates.add(Updates.set(path, value)));
        return updates;
    }

    private static List<Bson> unsets(Set<String> paths) {
        return paths.stream().map(Updates::unset).toList();
    }

    private static String path(String root, String... keys) {
        StringBuilder path = new StringBuilder(root);
        for (String key : keys) {
            path.append('.').append(MongoKeys.escape(key));
        }
        return path.toString();
    }

    @EventHandler
    void on(TaskMadePublicEvent event) {
        update(event.taskId(), event.audit(), List.of(Updates.set("company", ""),
                Updates.set("company_origin", event.originCompany())));
    }

    @EventHandler
    void on(TaskMadePrivateEvent event) {
        update(event.taskId(), event.audit(), List.of(Updates.set("company", event.company()),
                Updates.unset("company_origin")));
    }
}
