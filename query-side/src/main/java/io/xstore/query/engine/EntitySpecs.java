package io.xstore.query.engine;

import io.xstore.readmodel.Collections;

import java.util.Map;

/**
 * The entities served by the read side, described for the query engine (fields as in docs/api/tasks.md, models.md,
 * projects.md).
 */
public final class EntitySpecs {

    /** Written by the queue projection. */
    public static final String QUEUES_COLLECTION = Collections.QUEUES;

    public static final EntitySpec TASK = new EntitySpec("Task", Collections.TASKS)
            .known("id", "name", "type", "status", "status_reason", "status_message", "status_changed", "comment",
                    "report", "report_assets", "created", "started", "completed", "published", "active_duration",
                    "parent", "project", "output", "execution", "tags", "system_tags", "script", "last_worker",
                    "last_worker_report", "last_update", "last_change", "last_iteration", "last_metrics",
                    "unique_metrics", "metric_stats", "company_origin", "duration", "hyperparams", "configuration",
                    "runtime", "models", "container", "enqueue_status", "last_changed_by", "user", "company")
            .excludedByDefault("unique_metrics", "company_origin", "enqueue_status")
            .patternFields("name", "comment", "report")
            .listFields("id", "user", "tags", "system_tags", "type", "status", "project", "parent", "hyperparams.*",
                    "execution.queue", "models.input.model")
            .rangeFields("created", "started", "active_duration", "last_metrics.*", "last_iteration")
            .datetimeFields("status_changed", "last_update", "last_change")
            .equalityFields("runtime.*")
            .dateFields("created", "started", "completed", "published", "status_changed", "last_update",
                    "last_change", "last_worker_report")
            .listTyped("tags", "system_tags", "report_assets", "unique_metrics")
            .stringTyped("name", "type", "status", "status_reason", "status_message", "comment", "report", "parent",
                    "project", "user", "company", "last_worker", "last_changed_by")
            .searchText("name", "id", "comment", "report", "models.input.model", "models.output.model",
                    "script.repository", "script.entry_point")
            .reference("user", "user")
            .reference("company", null)
            .reference("project", "project")
            .reference("parent", "task")
            .reference("execution.queue", "queue")
            .reference("models.input.model", "model")
            .reference("models.output.model", "model");

    public static final EntitySpec PROJECT = new EntitySpec("Project", Collections.PROJECTS)
            .known("id", "name", "basename", "description", "created", "tags", "system_tags",
                    "default_output_destination", "last_update", "featured", "logo_url", "logo_blob",
                    "company_origin", "parent", "path", "user", "company")
            .excludedByDefault("path", "logo_blob", "company_origin")
            .patternFields("name", "basename", "description")
            .listFields("tags", "system_tags", "id", "parent", "path")
            .rangeFields("last_update")
            .dateFields("created", "last_update")
            .listTyped("tags", "system_tags", "path")
            .stringTyped("name", "basename", "description", "default_output_destination", "parent", "user",
                    "company", "logo_url")
            .searchText("name", "id", "description")
            .reference("user", "user")
            .reference("company", null)
            .reference("parent", "project");

    public static final EntitySpec MODEL = new EntitySpec("Model", Collections.MODELS)
            .known("id", "name", "parent", "project", "created", "task", "comment", "tags", "system_tags", "uri",
                    "framework", "design", "labels", "ready", "last_update", "last_change", "last_changed_by",
                    "ui_cache", "company_origin", "metadata", "last_iteration", "last_metrics", "unique_metrics",
                    "user", "company")
            .excludedByDefault("ui_cache", "company_origin", "unique_metrics")
            .patternFields("name", "comment")
            .listFields("tags", "system_tags", "framework", "uri", "id", "user", "project", "task", "parent",
                    "metadata.*")
            .rangeFields("created", "last_metrics.*", "last_iteration")
            .datetimeFields("last_update", "last_change")
            .equalityFields("ready")
            .dateFields("created", "last_update", "last_change")
            .listTyped("tags", "system_tags", "unique_metrics")
            .stringTyped("name", "comment", "uri", "framework", "parent", "project", "task", "user", "company",
                    "last_changed_by")
            .searchText("name", "id", "comment", "parent", "task", "project")
            .reference("user", "user")
            .reference("company", null)
            .reference("project", "project")
            .reference("task", "task")
            .reference("parent", "model");

    /** Only used as a join target ({@code user.name}); never exposes credentials or preferences. */
    public static final EntitySpec USER = new EntitySpec("User", Collections.USERS)
            .known("id", "name", "given_name", "family_name", "avatar", "company", "created", "created_in_version",
                    "preferences")
            .excludedByDefault("preferences")
            .dateFields("created");

    /** queues.get_all / get_all_ex / get_by_id, and the join target of {@code execution.queue.name}. */
    public static final EntitySpec QUEUE = new EntitySpec("Queue", QUEUES_COLLECTION)
            .known("id", "name", "display_name", "company", "user", "created", "tags", "system_tags", "entries",
                    "last_update", "metadata")
            .patternFields("name")
            .listFields("id", "user", "tags", "system_tags", "metadata.*")
            .rangeFields("created", "last_update")
            .dateFields("created", "last_update")
            .listTyped("tags", "system_tags")
            .stringTyped("name", "display_name", "user", "company")
            .searchText("name", "id")
            .reference("user", "user")
            .reference("company", null);

    private static final Map<String, EntitySpec> BY_NAME = Map.of(
            "task", TASK, "project", PROJECT, "model", MODEL, "user", USER, "queue", QUEUE);

    private EntitySpecs() {
    }

    /** The spec a reference points to, or null for references rendered as a bare {@code {"id": ..}}. */
    public static EntitySpec byName(String name) {
        return name == null ? null : BY_NAME.get(name);
    }
}
