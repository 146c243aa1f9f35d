package io.xstore.readmodel.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code kind} of a history entry (docs/api/history.md), from the stored event's type and never its class: one
 * small table by simple class name, and for any other type a default from the name ({@code TaskMovedEvent} →
 * {@code moved}, {@code CredentialsRevokedEvent} → {@code credentials_revoked}), so a new event class gets a sensible
 * kind without an edit here. Generic edits ({@code *EditedEvent}, {@code *UpdatedEvent}) and status changes are
 * refined from their payload's field names when that is unambiguous (an edit of the project alone is {@code moved}).
 * Shared by the audit index (writer) and the history endpoints (reader) so both give the same kind.
 */
public final class HistoryKinds {

    /** Kinds of progress reports, grouped in the history by default (docs/api/history.md, "Metric progress"). */
    public static final Set<String> PROGRESS = Set.of("metrics_reported", "iteration_reported");

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final List<String> ENTITY_PREFIXES = List.of("Task", "Model", "Project", "User", "Queue");
    private static final String EDITED = "edited";

    private static final Map<String, String> TABLE = Map.ofEntries(
            Map.entry("TaskEditedEvent", EDITED),
            Map.entry("ModelEditedEvent", EDITED),
            Map.entry("ProjectUpdatedEvent", EDITED),
            Map.entry("UserUpdatedEvent", EDITED),
            Map.entry("TaskStatusChangedEvent", "status_changed"),
            Map.entry("TaskStatusMessageSetEvent", "status_message_changed"),
            Map.entry("TaskHyperParamsEditedEvent", "hyperparams_changed"),
            Map.entry("TaskHyperParamsDeletedEvent", "hyperparams_changed"),
            Map.entry("TaskHyperParamsReplacedEvent", "hyperparams_changed"),
            Map.entry("TaskConfigurationReplacedEvent", "configuration_changed"),
            Map.entry("TaskSystemTagsChangedEvent", "tags_changed"),
            Map.entry("ModelSystemTagsChangedEvent", "tags_changed"),
            Map.entry("ProjectSystemTagsChangedEvent", "tags_changed"),
            Map.entry("ProjectDescriptionChangedEvent", "comment_changed"),
            Map.entry("TaskStatusSetEvent", "status_changed"),
            Map.entry("TaskConfigurationEditedEvent", "configuration_changed"),
            Map.entry("TaskConfigurationDeletedEvent", "configuration_changed"),
            Map.entry("TaskArtifactsAddedOrUpdatedEvent", "artifacts_changed"),
            Map.entry("TaskArtifactsDeletedEvent", "artifacts_changed"),
            Map.entry("TaskModelAttachedEvent", "models_changed"),
            Map.entry("TaskModelsDetachedEvent", "models_changed"),
            Map.entry("TaskRequirementsSetEvent", "requirements_changed"),
            Map.entry("TaskMetricsRecordedEvent", "metrics_reported"),
            Map.entry("ModelMetricsRecordedEvent", "metrics_reported"),
            Map.entry("TaskIterationReportedEvent", "iteration_reported"),
            Map.entry("ModelTagsUpdatedEvent", "tags_changed"),
            Map.entry("ModelMetadataChangedEvent", "metadata_changed"),
            Map.entry("UserPreferencesSetEvent", "preferences_changed"));

    /** Field names of a generic edit's payload → the kind an edit of only those fields is. */
    private static final Map<String, String> EDITED_FIELDS = Map.ofEntries(
            Map.entry("project", "moved"),
            Map.entry("name", "renamed"),
            Map.entry("tags", "tags_changed"),
            Map.entry("systemTags", "tags_changed"),
            Map.entry("system_tags", "tags_changed"),
            Map.entry("hyperparams", "hyperparams_changed"),
            Map.entry("configuration", "configuration_changed"),
            Map.entry("models", "models_changed"),
            Map.entry("comment", "comment_changed"),
            Map.entry("description", "comment_changed"),
            Map.entry("script", "script_changed"),
            Map.entry("container", "container_changed"),
            Map.entry("metadata", "metadata_changed"));

    /** Target status (wire name) of a status change → its kind. */
    private static final Map<String, String> STATUS = Map.of(
            "in_progress", "started",
            "stopped", "stopped",
            "completed", "completed",
            "failed", "failed",
            "published", "published",
            "queued", "enqueued",
            "created", "reset",
            "closed", "closed");

    private static final Set<String> IGNORED_FIELDS = Set.of("audit", "taskId", "modelId", "projectId", "userId",
            "queueId", "company", "companyId", "id");

    private HistoryKinds() {
    }

    /** The kind of an event, from its type's simple name and (for generic edits, status changes) its payload. */
    public static String of(Object payload) {
        String type = payload.getClass().getSimpleName();
        String kind = TABLE.get(type);
        if (kind == null) {
            kind = fromName(type);
        }
        try {
            if (EDITED.equals(kind) || "updated".equals(kind)) {
                return edited(payload);
            }
            if ("status_changed".equals(kind)) {
                Map<?, ?> fields = JSON.convertValue(payload, Map.class);
                Object to = fields.get("to");
                if (to != null && to.equals(fields.get("from"))) {
                    return "status_message_changed"; // the same status again: only its reason or message changed
                }
                return to == null ? kind : STATUS.getOrDefault(String.valueOf(to).toLowerCase(Locale.ROOT), kind);
            }
        } catch (RuntimeException e) {
            return kind; // a payload Jackson cannot read keeps the kind of its type: never fail the audit index
        }
        return kind;
    }

    /** Whether entries of this kind are metric progress (grouped by default). */
    public static boolean isProgress(String kind) {
        return PROGRESS.contains(kind);
    }

    /** {@code TaskMovedEvent} → {@code moved}; {@code CredentialsRevokedEvent} → {@code credentials_revoked}. */
    public static String fromName(String simpleName) {
        String name = simpleName.endsWith("Event") ? simpleName.substring(0, simpleName.length() - 5) : simpleName;
        for (String prefix : ENTITY_PREFIXES) {
            if (name.startsWith(prefix) && name.length() > prefix.length()
                    && Character.isUpperCase(name.charAt(prefix.length()))) {
                name = name.substring(prefix.length());
                break;
            }
        }
        return snake(name);
    }

    /** The entity type of an aggregate type name: {@code TaskAggregate} → {@code task}. */
    public static String entityType(String aggregateType) {
        if (aggregateType == null || aggregateType.isEmpty()) {
            return "unknown";
        }
        String name = aggregateType.endsWith("Aggregate")
                ? aggregateType.substring(0, aggregateType.length() - "Aggregate".length()) : aggregateType;
        return snake(name);
    }

    private static String edited(Object payload) {
        Map<?, ?> fields = JSON.convertValue(payload, Map.class);
        Set<String> kinds = new LinkedHashSet<>();
        collect(fields, kinds, 0);
        return kinds.size() == 1 ? kinds.iterator().next() : EDITED;
    }

    /** The kinds of the non-null fields, looking one level into nested objects ({@code changes}, {@code fields}). */
    private static void collect(Map<?, ?> fields, Set<String> kinds, int depth) {
        fields.forEach((key, value) -> {
            String field = String.valueOf(key);
            if (value == null || IGNORED_FIELDS.contains(field)) {
                return;
            }
            if (EDITED_FIELDS.containsKey(field)) {
                kinds.add(EDITED_FIELDS.get(field));
            } else if ("execution".equals(field) && value instanceof Map<?, ?> execution
                    && execution.keySet().equals(Set.of("artifacts"))) {
                kinds.add("artifacts_changed");
            } else if (value instanceof Map<?, ?> nested && depth == 0) {
                collect(nested, kinds, depth + 1);
            } else {
                kinds.add(EDITED);
            }
        });
    }

    private static String snake(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
