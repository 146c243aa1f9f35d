package io.xstore.command.model;

import io.xstore.api.model.MakeModelPrivateCommand;
import io.xstore.api.model.MakeModelPublicCommand;
import io.xstore.api.model.ModelMadePrivateEvent;
import io.xstore.api.model.ModelMadePublicEvent;
import io.xstore.api.AuditEntry;
import io.xstore.api.model.ModelMetricsRecordedEvent;
import io.xstore.api.model.RecordModelMetricsCommand;
import io.xstore.api.model.AddOrUpdateModelMetadataCommand;
import io.xstore.api.model.ArchiveModelCommand;
import io.xstore.api.model.CreateModelCommand;
import io.xstore.api.model.DeleteModelCommand;
import io.xstore.api.model.DeleteModelMetadataCommand;
import io.xstore.api.model.EditModelCommand;
import io.xstore.api.model.ModelArchivedEvent;
import io.xstore.api.model.ModelCreatedEvent;
import io.xstore.api.model.ModelDeletedEvent;
import io.xstore.api.model.ModelEditedEvent;
import io.xstore.api.model.ModelFields;
import io.xstore.api.model.ModelMetadataChangedEvent;
import io.xstore.api.model.ModelMovedEvent;
import io.xstore.api.model.ModelPublishedEvent;
import io.xstore.api.model.ModelSystemTagsChangedEvent;
import io.xstore.api.model.ModelTagsUpdatedEvent;
import io.xstore.api.model.ModelTaskUnsetEvent;
import io.xstore.api.model.ModelUnarchivedEvent;
import io.xstore.api.model.MoveModelCommand;
import io.xstore.api.model.PublishModelCommand;
import io.xstore.api.model.UnarchiveModelCommand;
import io.xstore.api.model.UpdateModelCommand;
import io.xstore.api.model.UpdateModelTagsCommand;
import io.xstore.command.project.ProjectNames;
import io.xstore.command.WriteAccess;
import io.xstore.protocol.ApiError;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/** A registered model (weights location plus description), ClearML's {@code models} entity. */
@Aggregate(cache = "modelAggregateCache")
public class ModelAggregate {

    static final String ARCHIVED = "archived";

    @AggregateIdentifier
    private String modelId;
    private String company;
    /** The company that made it public (company ""), which alone may make it private again. */
    private String companyOrigin;
    private String uri;
    private String task;
    private boolean ready;
    private List<String> tags = List.of();
    private List<String> systemTags = List.of();
    private Map<String, Object> metadata = Map.of();

    protected ModelAggregate() {
    }

    @CommandHandler
    public ModelAggregate(CreateModelCommand command, ProjectNames projects) {
        ModelFields fields = command.fields();
        if (fields.name() == null) {
            throw ApiError.VALIDATION_ERROR.toException("field is required", Map.of("field", "name"));
        }
        if (fields.uri() == null) {
            throw ApiError.VALIDATION_ERROR.toException("field is required", Map.of("field", "uri"));
        }
        ModelFields checked = checked(fields, command.company(), projects);
        apply(new ModelCreatedEvent(command.modelId(), command.company(), new ModelFields(checked.name(),
                checked.uri(), checked.framework(), orEmpty(checked.design()), orEmpty(checked.labels()),
                Objects.requireNonNullElse(checked.comment(), ""), orEmpty(checked.tags()),
                orEmpty(checked.systemTags()), checked.task(), checked.project(), checked.parent(),
                Boolean.TRUE.equals(checked.ready()), checked.created(), checked.uiCache(),
                orEmpty(checked.metadata())), command.audit()));
    }

    /** Edits the model and returns its task id (or null), to which an {@code iteration} is reported. */
    @CommandHandler
    public String handle(EditModelCommand command, ProjectNames projects) {
        requireCompany(command.company());
        edit(checked(command.fields(), company, projects), command.audit());
        return task;
    }

    @CommandHandler
    public void handle(UpdateModelCommand command, ProjectNames projects) {
        requireCompany(command.company());
        ModelFields given = command.fields();
        ModelFields userSettable = new ModelFields(given.name(), given.uri(), null, null, null, given.comment(),
                given.tags(), given.systemTags(), null, given.project(), null, null, given.created(), given.uiCache(),
                given.metadata());
        edit(checked(userSettable, company, projects), command.audit());
    }

    private void edit(ModelFields fields, AuditEntry audit) {
        if (fields.changesNothing()) {
            return;
        }
        if (fields.uri() != null && !fields.uri().equals(uri) && fields.uiCache() == null) {
            fields = fields.withUiCache(Map.of());
        }
        ModelEditIntents.events(modelId, fields, audit).forEach(AggregateLifecycle::apply);
    }

    /** Metric progress of model events, found by the indexer; allowed whatever the model's state. */
    @CommandHandler
    public void handle(RecordModelMetricsCommand command) {
        requireCompany(command.audit().companyId());
        if (command.lastIteration() == null && command.metrics().isEmpty() && command.activity().isEmpty()) {
            return;
        }
        apply(new ModelMetricsRecordedEvent(modelId, command.lastIteration(), command.metrics(), command.activity(),
                command.audit()));
    }

    /** Publishes the model; returns its task id (or null) so the caller can publish the task too. */
    @CommandHandler
    public String handle(PublishModelCommand command) {
        requireCompany(command.company());
        if (ready) {
            throw ApiError.MODEL_IS_READY.toException(Map.of("id", modelId));
        }
        apply(new ModelPublishedEvent(modelId, command.audit()));
        return task;
    }

    /** Returns whether the model was archived by this command (false: it already was). */
    @CommandHandler
    public boolean handle(ArchiveModelCommand command) {
        requireCompany(command.company());
        if (systemTags.contains(ARCHIVED)) {
            return false;
        }
        apply(new ModelArchivedEvent(modelId, command.audit()));
        return true;
    }

    @CommandHandler
    public boolean handle(UnarchiveModelCommand command) {
        requireCompany(command.company());
        if (!systemTags.contains(ARCHIVED)) {
            return false;
        }
        apply(new ModelUnarchivedEvent(modelId, command.audit()));
        return true;
    }

    /** Deletes the model and returns its uri. */
    @CommandHandler
    public String handle(DeleteModelCommand command) {
        requireCompany(command.company());
        apply(new ModelDeletedEvent(modelId, uri, command.audit()));
        return uri == null ? "" : uri;
    }

    // ---- what a delete or reset of its task does to a model (through TaskModelCleanup) ----

    /** A published model of a deleted task names {@code __DELETED__<task id>} as its task. */
    void pointToDeletedTask(String deletedTask, String deletedPrefix, AuditEntry audit) {
        apply(new ModelEditedEvent(modelId, ModelFields.none().withTask(deletedPrefix + deletedTask), audit));
    }

    /** The model no longer names its creating task. */
    void unsetTask(AuditEntry audit) {
        apply(new ModelTaskUnsetEvent(modelId, task, audit));
    }

    /** Deleted along with (or by) a cleanup; answers its uri. */
    String delete(AuditEntry audit) {
        apply(new ModelDeletedEvent(modelId, uri, audit));
        return uri == null ? "" : uri;
    }

    boolean ready() {
        return ready;
    }

    String task() {
        return task;
    }

    String company() {
        return company;
    }

    void requireOwner(String caller) {
        requireCompany(caller);
    }

    @CommandHandler
    public void handle(MoveModelCommand command, ProjectNames projects) {
        requireCompany(command.company());
        requireProject(command.project(), company, projects);
        apply(new ModelMovedEvent(modelId, command.project(), command.audit()));
    }

    /** Returns whether the tags changed. */
    @CommandHandler
    public boolean handle(UpdateModelTagsCommand command) {
        requireCompany(command.company());
        TreeSet<String> updated = new TreeSet<>(tags);
        updated.addAll(orEmpty(command.addTags()));
        orEmpty(command.removeTags()).forEach(updated::remove);
        List<String> newTags = List.copyOf(updated);
        if (newTags.equals(tags)) {
            return false;
        }
        apply(new ModelTagsUpdatedEvent(modelId, newTags, command.audit()));
        return true;
    }

    @CommandHandler
    public void handle(AddOrUpdateModelMetadataCommand command) {
        requireCompany(command.company());
        Map<String, Object> updated = new LinkedHashMap<>(command.replace() ? Map.of() : metadata);
        updated.putAll(orEmpty(command.metadata()));
        apply(new ModelMetadataChangedEvent(modelId, updated, command.audit()));
    }

    /** Returns whether any key was removed. */
    @CommandHandler
    public boolean handle(DeleteModelMetadataCommand command) {
        requireCompany(command.company());
        Map<String, Object> updated = new LinkedHashMap<>(metadata);
        orEmpty(command.keys()).forEach(updated::remove);
        if (updated.size() == metadata.size()) {
            return false;
        }
        apply(new ModelMetadataChangedEvent(modelId, updated, command.audit()));
        return true;
    }

    @CommandHandler
    public void handle(MakeModelPublicCommand command) {
        if (company.isEmpty()) { // already public: not an entity of the caller's company to publish
            throw ApiError.INVALID_MODEL_ID.toException(Map.of("id", modelId));
        }
        requireCompany(command.audit().companyId());
        apply(new ModelMadePublicEvent(modelId, company, command.audit()));
    }

    @CommandHandler
    public void handle(MakeModelPrivateCommand command) {
        if (!company.isEmpty() || !command.audit().companyId().equals(companyOrigin)) {
            throw ApiError.INVALID_MODEL_ID.toException(Map.of("id", modelId));
        }
        apply(new ModelMadePrivateEvent(modelId, companyOrigin, command.audit()));
    }

    private void requireCompany(String caller) {
        WriteAccess.require(company, caller, "model", modelId,
                () -> ApiError.INVALID_MODEL_ID.toException(Map.of("id", modelId)));
    }

    /** Validates the given fields (name length, project existence) and returns them with the name trimmed. */
    private static ModelFields checked(ModelFields fields, String company, ProjectNames projects) {
        String name = fields.name();
        if (name != null) {
            name = name.strip();
            if (name.length() < 3) {
                throw ApiError.DATA_VALIDATION_ERROR.toException("Model name must be at least 3 characters long",
                        Map.of("name", fields.name()));
            }
        }
        requireProject(fields.project(), company, projects);
        List<String> tags = fields.tags() == null ? null : sortedDistinct(fields.tags());
        List<String> systemTags = fields.systemTags() == null ? null : sortedDistinct(fields.systemTags());
        return new ModelFields(name, fields.uri(), fields.framework(), fields.design(), fields.labels(),
                fields.comment(), tags, systemTags, fields.task(), fields.project(), fields.parent(), fields.ready(),
                fields.created(), fields.uiCache(), fields.metadata());
    }

    private static void requireProject(String project, String company, ProjectNames projects) {
        if (project != null && projects.byId(project)
                .filter(p -> p.company().equals(company) || p.company().isEmpty()).isEmpty()) {
            throw ApiError.INVALID_PROJECT_ID.toException(Map.of("id", project));
        }
    }

    private static List<String> sortedDistinct(List<String> values) {
        return List.copyOf(new TreeSet<>(values.stream().filter(Objects::nonNull).toList()));
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static <V> Map<String, V> orEmpty(Map<String, V> values) {
        return values == null ? Map.of() : values;
    }

    @EventSourcingHandler
    void on(ModelCreatedEvent event) {
        modelId = event.modelId();
        company = event.company();
        absorb(event.fields());
    }

    @EventSourcingHandler
    void on(ModelEditedEvent event) {
        absorb(event.fields());
    }

    private void absorb(ModelFields fields) {
        uri = fields.uri() != null ? fields.uri() : uri;
        task = fields.task() != null ? fields.task() : task;
        ready = fields.ready() != null ? fields.ready() : ready;
        tags = fields.tags() != null ? fields.tags() : tags;
        systemTags = fields.systemTags() != null ? fields.systemTags() : systemTags;
        metadata = fields.metadata() != null ? fields.metadata() : metadata;
    }

    @EventSourcingHandler
    void on(ModelPublishedEvent event) {
        ready = true;
    }

    @EventSourcingHandler
    void on(ModelArchivedEvent event) {
        List<String> updated = new ArrayList<>(systemTags);
        updated.add(ARCHIVED);
        systemTags = sortedDistinct(updated);
    }

    @EventSourcingHandler
    void on(ModelUnarchivedEvent event) {
        systemTags = systemTags.stream().filter(tag -> !tag.equals(ARCHIVED)).toList();
    }

    @EventSourcingHandler
    void on(ModelTagsUpdatedEvent event) {
        tags = event.tags();
    }

    @EventSourcingHandler
    void on(ModelSystemTagsChangedEvent event) {
        systemTags = event.systemTags();
    }

    @EventSourcingHandler
    void on(ModelMetadataChangedEvent event) {
        metadata = event.metadata();
    }

    @EventSourcingHandler
    void on(ModelTaskUnsetEvent event) {
        task = null;
    }

    @EventSourcingHandler
    void on(ModelDeletedEvent event) {
        markDeleted();
    }

    @EventSourcingHandler
    void on(ModelMadePublicEvent event) {
        company = "";
        companyOrigin = event.originCompany();
    }

    @EventSourcingHandler
    void on(ModelMadePrivateEvent event) {
        company = event.company();
        companyOrigin = null;
    }
}
