package io.xstore.migration.ops.imports;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.xstore.api.AuditEntry;
import io.xstore.api.model.CreateModelCommand;
import io.xstore.api.model.ModelFields;
import io.xstore.api.project.CreateProjectCommand;
import io.xstore.api.queue.CreateQueueCommand;
import io.xstore.api.task.CreateTaskCommand;
import io.xstore.api.task.ReparentUnderDeletedTaskCommand;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskModelEntry;
import io.xstore.api.task.TaskModels;
import io.xstore.api.user.CreateCredentialsCommand;
import io.xstore.api.user.CreateUserCommand;
import io.xstore.command.user.CredentialGenerator;
import io.xstore.migration.ops.Progress;
import io.xstore.readmodel.Collections;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The entities of a ClearML server's MongoDB as this project's commands, in dependency order (users, projects,
 * queues, models, tasks), each attributed to its original user and time and marked as imported by its call id
 * ({@code import:clearml:<collection>:<id>}). An entity already in the event store is skipped, so a re-run (or a
 * run after an interrupted one) carries over only what is missing.
 */
final class EntityImport {

    static final String CALL_PREFIX = "import:clearml:";
    private static final String DELETED_PARENT = "__DELETED__";

    private final MongoDatabase backend;
    private final MongoDatabase auth;
    private final MongoDatabase target;
    private final CommandGateway commands;
    private final EventStore eventStore;
    private final ImportReport report;
    private final UnaryOperator<String> urls;
    private final Map<String, String> userNames = new HashMap<>();
    /** Source queue id → the queue here (the same id, or this server's queue of the same name). */
    private final Map<String, String> queueIds = new HashMap<>();

    EntityImport(MongoDatabase backend, MongoDatabase auth, MongoDatabase target, CommandGateway commands,
                 EventStore eventStore, ImportReport report, UnaryOperator<String> urls) {
        this.backend = backend;
        this.auth = auth;
        this.target = target;
        this.commands = commands;
        this.eventStore = eventStore;
        this.report = report;
        this.urls = urls;
    }

    void run() {
        users();
        projects();
        List<Document> queues = queues();
        models();
        Map<String, Document> tasks = new LinkedHashMap<>();
        Set<String> createdNow = tasks(tasks);
        new QueueEntryImport(this::send, report, userNames).run(queues, queueIds, tasks, createdNow);
    }

    private boolean exists(String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId).isPresent();
    }

    private AuditEntry audit(Document doc, String collection, Instant at) {
        String user = doc.getString("user");
        Instant when = at != null ? at : Bson.time(doc, "created");
        return new AuditEntry(user == null ? "__system__" : user, userNames.getOrDefault(user, user),
                doc.getString("company") == null ? "" : doc.getString("company"),
                when == null ? Instant.now() : when, CALL_PREFIX + collection + ":" + Bson.id(doc));
    }

    private boolean send(String kind, String id, Object command) {
        try {
            commands.sendAndWait(command);
            return true;
        } catch (RuntimeException e) {
            report.unmapped(kind, id, "refused: " + e.getMessage());
            return false;
        }
    }

    private void users() {
        Map<String, Document> backendUsers = new HashMap<>();
        backend.getCollection("user").find().forEach(u -> backendUsers.put(Bson.id(u), u));
        Map<String, String> companies = new HashMap<>();
        backend.getCollection("company").find().forEach(c -> companies.put(Bson.id(c), c.getString("name")));
        List<Document> authUsers = auth.getCollection("user").find().into(new ArrayList<>());
        Progress progress = Progress.onStderr("import: users", "users", authUsers.size());
        for (Document user : authUsers) {
            String id = Bson.id(user);
            userNames.put(id, user.getString("name"));
            progress.add(1);
            if (exists(id)) {
                report.skipped("users");
                continue;
            }
            Document profile = backendUsers.getOrDefault(id, new Document());
            String company = user.getString("company");
            AuditEntry audit = new AuditEntry(id, user.getString("name"), company,
                    firstNonNull(Bson.time(profile, "created"), Instant.now()), CALL_PREFIX + "user:" + id);
            if (!send("user", id, new CreateUserCommand(id, user.getString("name"), company,
                    companies.getOrDefault(company, company), user.getString("email"),
                    user.getString("role") == null ? "user" : user.getString("role"),
                    profile.getString("given_name"), profile.getString("family_name"), audit))) {
                continue;
            }
            report.imported("users");
            Object credentials = user.get("credentials");
            if (credentials instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Document credential && credential.getString("key") != null
                            && credential.getString("secret") != null) {
                        if (send("credentials", credential.getString("key"), new CreateCredentialsCommand(id,
                                credential.getString("key"), CredentialGenerator.sha256(credential.getString("secret")),
                                credential.getString("label") == null ? "imported" : credential.getString("label"),
                                audit))) {
                            report.imported("credentials");
                        }
                    }
                }
            }
        }
        backendUsers.forEach((id, u) -> userNames.putIfAbsent(id, u.getString("name")));
        System.err.println(progress.summary(null));
    }

    private void projects() {
        List<Document> projects = backend.getCollection("project").find().into(new ArrayList<>());
        // ancestors first: the path lists them, root first
        projects.sort(Comparator.comparingInt(p -> p.getList("path", Object.class, List.of()).size()));
        Progress progress = Progress.onStderr("import: projects", "projects", projects.size());
        for (Document project : projects) {
            String id = Bson.id(project);
            progress.add(1);
            if (exists(id)) {
                report.skipped("projects");
                continue;
            }
            if (send("project", id, new CreateProjectCommand(id, project.getString("company"),
                    project.getString("name"), project.getString("parent"), Bson.strings(project, "path"),
                    project.getString("description"), Bson.strings(project, "tags"),
                    Bson.strings(project, "system_tags"), project.getString("default_output_destination"),
                    audit(project, "project", null)))) {
                report.imported("projects");
            }
        }
        System.err.println(progress.summary(null));
    }

    private List<Document> queues() {
        List<Document> queues = backend.getCollection("queue").find().into(new ArrayList<>());
        for (Document queue : queues) {
            String id = Bson.id(queue);
            if (exists(id)) {
                queueIds.put(id, id);
                report.skipped("queues");
                continue;
            }
            String name = queue.getString("name");
            Document existing = target.getCollection(Collections.QUEUES).find(Filters.and(Filters.eq("name", name),
                    Filters.eq("company", queue.getString("company")))).first();
            if (existing != null) {
                queueIds.put(id, Bson.id(existing));
                report.unmapped("queue", id, "a queue named '" + name + "' exists here already; kept this server's"
                        + " (its entries go there; tasks keep the old queue id in execution.queue)");
                continue;
            }
            if (send("queue", id, new CreateQueueCommand(id, name, queue.getString("display_name"),
                    Bson.strings(queue, "tags"), Bson.strings(queue, "system_tags"), Bson.map(queue, "metadata"),
                    audit(queue, "queue", null)))) {
                queueIds.put(id, id);
                report.imported("queues");
            }
        }
        return queues;
    }

    private void models() {
        List<Document> models = backend.getCollection("model").find().into(new ArrayList<>());
        Progress progress = Progress.onStderr("import: models", "models", models.size());
        for (Document model : models) {
            String id = Bson.id(model);
            progress.add(1);
            if (exists(id)) {
                report.skipped("models");
                continue;
            }
            ModelFields fields = new ModelFields(model.getString("name"), urls.apply(model.getString("uri")),
                    model.getString("framework"), Bson.map(model, "design"), Bson.map(model, "labels"),
                    model.getString("comment"), Bson.strings(model, "tags"), Bson.strings(model, "system_tags"),
                    model.getString("task"), model.getString("project"), model.getString("parent"),
                    model.getBoolean("ready", false), Bson.time(model, "created"), Bson.map(model, "ui_cache"),
                    StoredShapes.unescapeKeys(Bson.map(model, "metadata"), 1));
            if (send("model", id, new CreateModelCommand(id, model.getString("company"), fields,
                    audit(model, "model", null)))) {
                report.imported("models");
            }
        }
        System.err.println(progress.summary(null));
    }

    /** Imports the tasks (collecting them by id into {@code byId}); returns the ids of those it created. */
    private Set<String> tasks(Map<String, Document> byId) {
        List<Document> tasks = parentsFirst(backend.getCollection("task").find().into(new ArrayList<>()));
        Set<String> sourceIds = new HashSet<>();
        tasks.forEach(t -> sourceIds.add(Bson.id(t)));
        Progress progress = Progress.onStderr("import: tasks", "tasks", tasks.size());
        TaskStatusImport statuses = new TaskStatusImport(this::send, report, (task, at) -> audit(task, "task", at));
        Set<String> createdNow = new HashSet<>();
        for (Document task : tasks) {
            String id = Bson.id(task);
            byId.put(id, task);
            progress.add(1);
            if (exists(id)) {
                report.skipped("tasks");
                continue;
            }
            String parent = task.getString("parent");
            String deletedParent = parent != null && parent.startsWith(DELETED_PARENT)
                    ? parent.substring(DELETED_PARENT.length()) : null;
            if (parent != null && !parent.isEmpty() && deletedParent == null && !sourceIds.contains(parent)
                    && !exists(parent)) {
                report.noted("task", id, "parent " + parent + " is in neither server: imported without a parent");
                parent = null;
            }
            TaskContent content = new TaskContent(task.getString("name"), task.getString("type"),
                    task.getString("comment"), task.getString("project"), deletedParent == null ? parent : null,
                    Bson.strings(task, "tags"), Bson.strings(task, "system_tags"), Bson.map(task, "script"),
                    repointed(StoredShapes.artifactsAsList(Bson.map(task, "execution"))),
                    StoredShapes.unescapeKeys(Bson.map(task, "hyperparams"), 2),
                    StoredShapes.unescapeKeys(Bson.map(task, "configuration"), 1), models(task),
                    Bson.map(task, "container"), Bson.map(task, "runtime"), Bson.map(task, "output"));
            if (!send("task", id, new CreateTaskCommand(id, content, audit(task, "task", null)))) {
                continue;
            }
            createdNow.add(id);
            if (deletedParent != null) {
                // the form tasks.delete leaves on children, here as on the source; create would look the parent up
                send("task", id, new ReparentUnderDeletedTaskCommand(id, deletedParent, audit(task, "task", null)));
                report.noted("task", id, "parent " + parent + " (a task deleted on the source) kept as it is");
            }
            statuses.apply(task, id);
            report.imported("tasks");
        }
        System.err.println(progress.summary(null));
        return createdNow;
    }

    /** The tasks ordered so that a parent in the source comes before its children (create looks the parent up). */
    static List<Document> parentsFirst(List<Document> tasks) {
        Map<String, Document> byId = new LinkedHashMap<>();
        tasks.forEach(t -> byId.put(Bson.id(t), t));
        List<Document> ordered = new ArrayList<>(tasks.size());
        Set<String> placed = new HashSet<>();
        for (Document task : tasks) {
            List<Document> chain = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Document at = task; at != null && !placed.contains(Bson.id(at)) && seen.add(Bson.id(at));
                 at = at.getString("parent") == null ? null : byId.get(at.getString("parent"))) {
                chain.add(at);
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                placed.add(Bson.id(chain.get(i)));
                ordered.add(chain.get(i));
            }
        }
        return ordered;
    }

    private Map<String, Object> repointed(Map<String, Object> execution) {
        if (execution != null && execution.get("artifacts") instanceof List<?> artifacts) {
            for (Object artifact : artifacts) {
                if (artifact instanceof Map<?, ?> map && map.get("uri") instanceof String uri) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> writable = (Map<String, Object>) map;
                    writable.put("uri", urls.apply(uri));
                }
            }
        }
        return execution;
    }

    private static TaskModels models(Document task) {
        if (!(task.get("models") instanceof Document models)) {
            return null;
        }
        return new TaskModels(entries(models, "input"), entries(models, "output"));
    }

    private static List<TaskModelEntry> entries(Document models, String field) {
        List<TaskModelEntry> entries = new ArrayList<>();
        if (models.get(field) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Document entry) {
                    entries.add(new TaskModelEntry(entry.getString("name"), entry.getString("model"),
                            Bson.time(entry, "updated")));
                }
            }
        }
        return entries;
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }
}
