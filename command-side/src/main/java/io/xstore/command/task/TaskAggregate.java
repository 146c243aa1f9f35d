package io.xstore.command.task;

import io.xstore.api.AuditEntry;
import io.xstore.api.task.AddOrUpdateTaskArtifactsCommand;
import io.xstore.api.task.AddOrUpdateTaskModelCommand;
import io.xstore.api.task.ArchiveTaskCommand;
import io.xstore.api.task.ArtifactKey;
import io.xstore.api.task.CloneTaskCommand;
import io.xstore.api.task.CloseTaskCommand;
import io.xstore.api.task.CreateTaskCommand;
import io.xstore.api.task.DeleteTaskArtifactsCommand;
import io.xstore.api.task.DeleteTaskCommand;
import io.xstore.api.task.TaskModels;
import io.xstore.api.task.DeleteTaskConfigurationCommand;
import io.xstore.api.task.DeleteTaskHyperParamsCommand;
import io.xstore.api.task.DeleteTaskModelsCommand;
import io.xstore.api.task.EditTaskCommand;
import io.xstore.api.task.EditTaskConfigurationCommand;
import io.xstore.api.task.EditTaskHyperParamsCommand;
import io.xstore.api.task.HyperParamRef;
import io.xstore.api.task.MarkTaskCompletedCommand;
import io.xstore.api.task.MarkTaskFailedCommand;
import io.xstore.api.task.MarkTaskStartedCommand;
import io.xstore.api.task.MarkTaskStoppedCommand;
import io.xstore.api.task.MoveTaskCommand;
import io.xstore.api.task.PublishTaskCommand;
import io.xstore.api.task.ReparentUnderDeletedTaskCommand;
import io.xstore.api.task.RecordTaskMetricsCommand;
import io.xstore.api.task.ReportTaskIterationCommand;
import io.xstore.api.task.ResetTaskCommand;
import io.xstore.api.task.SetTaskRequirementsCommand;
import io.xstore.api.task.StopTaskCommand;
import io.xstore.api.task.TaskArchivedEvent;
import io.xstore.api.task.TaskArtifactsAddedOrUpdatedEvent;
import io.xstore.api.task.TaskArtifactsDeletedEvent;
import io.xstore.api.task.TaskConfigurationDeletedEvent;
import io.xstore.api.task.TaskConfigurationEditedEvent;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskCreatedEvent;
import io.xstore.api.task.TaskDeletedEvent;
import io.xstore.api.task.TaskDequeuedEvent;
import io.xstore.api.task.TaskEnqueuedEvent;
import io.xstore.api.task.TaskExecutionQueueSetEvent;
import io.xstore.api.task.HandOutTaskCommand;
import io.xstore.api.task.CheckReportCommand;
import io.xstore.api.task.UpdateReportCommand;
import io.xstore.api.task.MakeTaskPrivateCommand;
import io.xstore.api.task.MakeTaskPublicCommand;
import io.xstore.api.task.TaskMadePrivateEvent;
import io.xstore.api.task.TaskMadePublicEvent;
import io.xstore.api.task.TaskOutputFilesReleasedEvent;
import io.xstore.api.task.TaskReportChangedEvent;
import io.xstore.api.task.TaskEditedEvent;
import io.xstore.api.task.TaskHyperParamsDeletedEvent;
import io.xstore.api.task.TaskHyperParamsEditedEvent;
import io.xstore.api.task.TaskIterationReportedEvent;
import io.xstore.api.task.TaskMetricsRecordedEvent;
import io.xstore.api.task.TaskModelAttachedEvent;
import io.xstore.api.task.TaskModelEntry;
import io.xstore.api.task.TaskModelRef;
import io.xstore.api.task.TaskModelsDetachedEvent;
import io.xstore.api.task.TaskRequirementsSetEvent;
import io.xstore.api.task.TaskResetEvent;
import io.xstore.api.task.TaskStatus;
import io.xstore.api.task.TaskAbortedEvent;
import io.xstore.api.task.TaskClosedEvent;
import io.xstore.api.task.TaskCommentChangedEvent;
import io.xstore.api.task.TaskCompletedEvent;
import io.xstore.api.task.TaskFailedEvent;
import io.xstore.api.task.TaskMovedEvent;
import io.xstore.api.task.TaskHyperParamsReplacedEvent;
import io.xstore.api.task.TaskConfigurationReplacedEvent;
import io.xstore.api.task.TaskPublishedEvent;
import io.xstore.api.task.TaskRenamedEvent;
import io.xstore.api.task.TaskResumedEvent;
import io.xstore.api.task.TaskStartedEvent;
import io.xstore.api.task.TaskStatusEvent;
import io.xstore.api.task.TaskStatusSetEvent;
import io.xstore.api.task.TaskStopRequestedEvent;
import io.xstore.api.task.TaskStoppedEvent;
import io.xstore.api.task.TaskSystemTagsChangedEvent;
import io.xstore.api.task.TaskTagsChangedEvent;
import io.xstore.api.task.TaskStatusMessageSetEvent;
import io.xstore.api.task.TaskUnarchivedEvent;
import io.xstore.api.task.UnarchiveTaskCommand;
import io.xstore.api.task.UpdateTaskCommand;
import io.xstore.api.task.UpdateTaskTagsCommand;
import io.xstore.command.WriteAccess;
import io.xstore.protocol.ApiError;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A ClearML task (experiment). Enforces the status state machine, who may change what in which status, and keeps
 * the content needed for edits, clones and resets. Creation, clone, edit, update and move come through
 * {@link TaskCommandHandler} (they need cross-aggregate reference checks); everything else is handled here.
 */
@Aggregate(cache = "taskAggregateCache", snapshotTriggerDefinition = "taskSnapshotTrigger")
@Revision(TaskAggregate.SNAPSHOT_REVISION)
public class TaskAggregate {

    /**
     * Revision of the snapshot shape ({@link Snapshot}); raise it whenever that shape or its meaning changes, so that
     * snapshots of the earlier shape are ignored and the aggregate is loaded from its events instead.
     */
    static final String SNAPSHOT_REVISION = "3";

    static final String ARCHIVED = "archived";
    static final String DEVELOPMENT = "development";
    static final String PROPERTIES_SECTION = "properties";
    static final String DELETED_PARENT_PREFIX = "__DELETED__";

    @AggregateIdentifier
    private String id;
    private String company;
    private TaskStatus status;
    private Instant started;
    /** Metrics reported by calls before this time belong to a run that a reset discarded. */
    private Instant metricsResetAt;
    private TaskState state;
    /** The queue the task waits in while {@code queued} (else null), and the status it had before. */
    private String queue;
    private TaskStatus enqueueStatus;
    /** The company that made the task public (company ""), which alone may make it private again. */
    private String companyOrigin;

    protected TaskAggregate() {
        // required by Axon
    }

    /** What a snapshot of a task holds: the aggregate's whole state, written with Jackson (see {@link #snapshot()}). */
    record Snapshot(String id, String company, TaskStatus status, Instant started, Instant metricsResetAt,
                    TaskState.Snapshot state, String queue, TaskStatus enqueueStatus, String companyOrigin) {
    }

    /** The aggregate as its snapshot (Axon serializes the aggregate itself as the snapshot's payload). */
    @JsonValue
    Snapshot snapshot() {
        return new Snapshot(id, company, status, started, metricsResetAt, state == null ? null : state.snapshot(),
                queue, enqueueStatus, companyOrigin);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TaskAggregate fromSnapshot(Snapshot snapshot) {
        TaskAggregate aggregate = new TaskAggregate();
        aggregate.id = Objects.requireNonNull(snapshot.id(), "id");
        aggregate.company = snapshot.company();
        aggregate.status = Objects.requireNonNull(snapshot.status(), "status");
        aggregate.started = snapshot.started();
        aggregate.metricsResetAt = snapshot.metricsResetAt();
        aggregate.state = TaskState.of(Objects.requireNonNull(snapshot.state(), "state"));
        aggregate.queue = snapshot.queue();
        aggregate.enqueueStatus = snapshot.enqueueStatus();
        aggregate.companyOrigin = snapshot.companyOrigin();
        return aggregate;
    }

    TaskAggregate(CreateTaskCommand command) {
        apply(new TaskCreatedEvent(command.taskId(), TaskDefaults.forCreate(validatedForCreate(command.content())),
                null, command.audit()));
    }

    TaskAggregate(CloneTaskCommand command, TaskContent copied) {
        apply(new TaskCreatedEvent(command.taskId(), TaskDefaults.forCreate(validatedForCreate(copied)),
                command.sourceTaskId(), command.audit()));
    }

    // ---- edits (through TaskCommandHandler) ----

    void edit(EditTaskCommand command) {
        assertOwnedBy(command.audit());
        if (!command.force() && status != TaskStatus.CREATED) {
            throw TaskErrors.expectedStatus("created", status);
        }
        TaskContent changes = TaskEditDiff.changes(state.content(), state.artifactList(),
                LegacyParameters.keepOtherItems(validated(command.changes()), state.content()));
        TaskEditIntents.events(id, changes, command.audit()).forEach(AggregateLifecycle::apply);
        if (command.status() != null && command.status() != status) {
            setStatus(command.status(), "", "", command.audit());
        }
    }

    void update(UpdateTaskCommand command) {
        assertOwnedBy(command.audit());
        TaskContent wanted = TaskContent.none()
                .withName(command.name() == null ? null : TaskNames.check(command.name()))
                .withComment(command.comment())
                .withTags(command.tags())
                .withSystemTags(command.systemTags())
                .withProject(command.project())
                .withOutput(command.outputError() == null ? null : Map.of("error", command.outputError()));
        TaskContent changes = TaskEditDiff.changes(state.content(), state.artifactList(), wanted);
        TaskEditIntents.events(id, changes, command.audit()).forEach(AggregateLifecycle::apply);
        if (command.statusMessage() != null) {
            apply(new TaskStatusMessageSetEvent(id, command.statusMessage(), command.audit()));
        }
    }

    void move(MoveTaskCommand command) {
        assertOwnedBy(command.audit());
        String target = command.project() == null ? "" : command.project();
        if (!target.equals(Objects.requireNonNullElse(state.content().project(), ""))) {
            apply(new TaskMovedEvent(id, target, command.audit()));
        }
    }

    @CommandHandler
    public void handle(UpdateTaskTagsCommand command) {
        assertOwnedBy(command.audit());
        Set<String> tags = new LinkedHashSet<>(state.tags());
        if (command.addTags() != null) {
            tags.addAll(command.addTags());
        }
        if (command.removeTags() != null) {
            command.removeTags().forEach(tags::remove);
        }
        if (!new LinkedHashSet<>(state.tags()).equals(tags)) {
            apply(new TaskTagsChangedEvent(id, List.copyOf(tags), command.audit()));
        }
    }

    @CommandHandler
    public void handle(SetTaskRequirementsCommand command) {
        assertOwnedBy(command.audit());
        if (!state.hasScript()) {
            throw ApiError.MISSING_TASK_FIELDS.toException("Task has no script field", TaskErrors.data("task", id));
        }
        if (status == TaskStatus.PUBLISHED) {
            throw TaskErrors.expectedStatus("not published", status);
        }
        apply(new TaskRequirementsSetEvent(id, command.requirements(), command.audit()));
    }

    // ---- status changes ----

    @CommandHandler
    public StatusOutcome handle(MarkTaskStartedCommand command) {
        assertOwnedBy(command.audit());
        checkTransition(TaskStatus.IN_PROGRESS, command.force());
        return outcome(start(command.statusReason(), command.statusMessage(), command.force(), command.audit()));
    }

    @CommandHandler
    public StatusOutcome handle(MarkTaskStoppedCommand command) {
        assertOwnedBy(command.audit());
        checkTransition(TaskStatus.STOPPED, command.force());
        return outcome(new TaskStoppedEvent(id, status, text(command.statusReason()), text(command.statusMessage()),
                activeDuration(command.audit()), command.force(), command.audit()));
    }

    @CommandHandler
    public StatusOutcome handle(MarkTaskFailedCommand command) {
        assertOwnedBy(command.audit());
        checkTransition(TaskStatus.FAILED, command.force());
        return outcome(new TaskFailedEvent(id, status, text(command.statusReason()), text(command.statusMessage()),
                activeDuration(command.audit()), command.force(), command.audit()));
    }

    @CommandHandler
    public StatusOutcome handle(CloseTaskCommand command) {
        assertOwnedBy(command.audit());
        checkTransition(TaskStatus.CLOSED, command.force());
        return outcome(new TaskClosedEvent(id, status, text(command.statusReason()), text(command.statusMessage()),
                activeDuration(command.audit()), command.force(), command.audit()));
    }

    @CommandHandler
    public StatusOutcome handle(MarkTaskCompletedCommand command) {
        assertOwnedBy(command.audit());
        checkTransition(TaskStatus.COMPLETED, command.force());
        TaskStatusEvent completed = applied(new TaskCompletedEvent(id, status, text(command.statusReason()),
                text(command.statusMessage()), activeDuration(command.audit()), command.force(), command.audit()));
        if (!command.publish()) {
            return new StatusOutcome(List.of(completed), state.lastOutputModel());
        }
        checkTransition(TaskStatus.PUBLISHED, command.force());
        TaskStatusEvent published = applied(publish(command.statusReason(), command.statusMessage(),
                command.force(), command.audit()));
        return new StatusOutcome(List.of(completed, published), state.lastOutputModel());
    }

    @CommandHandler
    public StatusOutcome handle(PublishTaskCommand command) {
        assertOwnedBy(command.audit());
        checkTransition(TaskStatus.PUBLISHED, command.force());
        return outcome(publish(command.statusReason(), command.statusMessage(), command.force(), command.audit()));
    }

    /** An abort request: stop now unless a live worker will stop the task itself on "stopping". */
    @CommandHandler
    public StatusOutcome handle(StopTaskCommand command) {
        assertOwnedBy(command.audit());
        boolean stopNow = status == TaskStatus.QUEUED || state.systemTags().contains(DEVELOPMENT)
                || !command.workerAlive();
        if (stopNow) {
            checkTransition(TaskStatus.STOPPED, command.force());
            return outcome(new TaskAbortedEvent(id, status, text(command.statusReason()),
                    "Stopped by " + command.audit().userName(), activeDuration(command.audit()), command.force(),
                    command.audit()));
        }
        checkTransition(status, command.force());
        return outcome(new TaskStopRequestedEvent(id, status, text(command.statusReason()), "stopping",
                command.force(), command.audit()));
    }

    @CommandHandler
    public TaskResetEvent handle(ResetTaskCommand command) {
        assertOwnedBy(command.audit());
        if (!command.force() && status == TaskStatus.PUBLISHED) {
            throw ApiError.INVALID_TASK_STATUS.toException(TaskErrors.data("task_id", id, "status", status.wire()));
        }
        List<String> released = state.outputArtifactUris();
        TaskResetEvent reset = new TaskResetEvent(id, status, command.clearAll(), command.audit());
        apply(reset);
        if (!released.isEmpty()) {
            apply(new TaskOutputFilesReleasedEvent(id, released, command.audit()));
        }
        return reset;
    }

    @CommandHandler
    public void handle(ArchiveTaskCommand command) {
        assertOwnedBy(command.audit());
        if (status == TaskStatus.QUEUED) {
            setStatus(TaskStatus.CREATED, command.statusReason(), command.statusMessage(), command.audit());
        } else if (status == TaskStatus.IN_PROGRESS) {
            apply(new TaskStoppedEvent(id, status, text(command.statusReason()), text(command.statusMessage()),
                    activeDuration(command.audit()), true, command.audit()));
        }
        if (!isArchived()) {
            apply(new TaskArchivedEvent(id, command.statusReason(), command.statusMessage(), command.audit()));
        }
    }

    @CommandHandler
    public void handle(UnarchiveTaskCommand command) {
        assertOwnedBy(command.audit());
        if (isArchived()) {
            apply(new TaskUnarchivedEvent(id, command.statusReason(), command.statusMessage(), command.audit()));
        }
    }

    @CommandHandler
    public void handle(DeleteTaskCommand command) {
        assertOwnedBy(command.audit());
        if (!command.force() && status != TaskStatus.CREATED && !isArchived()) {
            throw ApiError.TASK_CANNOT_BE_DELETED.toException("due to status, use force=True",
                    TaskErrors.data("task", id, "expected", TaskStatus.CREATED.wire(), "current", status.wire()));
        }
        // only output artifacts go with the task (docs/api/behaviour-rules.md §4)
        List<String> fileUrls = new ArrayList<>();
        if (command.deleteExternalArtifacts()) {
            fileUrls.addAll(state.outputArtifactUris());
            fileUrls.addAll(command.eventFileUrls());
        }
        apply(new TaskDeletedEvent(id, status, fileUrls, command.audit()));
    }

    // ---- what a delete or reset of a task, or a delete of a model, does to tasks (through TaskModelCleanup) ----

    @CommandHandler
    public void handle(ReparentUnderDeletedTaskCommand command) {
        assertOwnedBy(command.audit());
        reparentUnderDeleted(command.deletedParentId(), command.audit());
    }

    /** A child of a deleted task keeps {@code __DELETED__<parent id>} as its parent (behaviour-rules.md §4). */
    public void reparentUnderDeleted(String deletedParent, AuditEntry audit) {
        apply(new TaskEditedEvent(id, TaskContent.none().withParent(DELETED_PARENT_PREFIX + deletedParent), audit));
    }

    /** The output entries naming a deleted model leave {@code models.output}; answers whether there were any. */
    public boolean detachOutputModel(String modelId, AuditEntry audit) {
        List<TaskModelRef> entries = state.entriesOf("output", modelId);
        if (entries.isEmpty()) {
            return false;
        }
        apply(new TaskModelsDetachedEvent(id, entries, audit));
        return true;
    }

    /**
     * The entries of {@code models.<modelType>} naming a deleted model name {@code __DELETED__<model id>} instead;
     * answers whether there were any.
     */
    public boolean markModelDeleted(String modelType, String modelId, AuditEntry audit) {
        List<TaskModelEntry> entries = state.withModelReplaced(modelType, modelId, DELETED_PARENT_PREFIX + modelId);
        if (entries == null) {
            return false;
        }
        TaskModels models = "input".equals(modelType) ? new TaskModels(entries, null) : new TaskModels(null, entries);
        apply(new TaskEditedEvent(id, TaskContent.none().withModels(models), audit));
        return true;
    }

    public List<String> outputModelIds() {
        return state.modelIds("output");
    }

    public List<String> outputArtifactUris() {
        return state.outputArtifactUris();
    }

    public TaskStatus currentStatus() {
        return status;
    }

    // ---- hyperparameters and configuration ----

    @CommandHandler
    public void handle(EditTaskHyperParamsCommand command) {
        assertOwnedBy(command.audit());
        boolean propertiesOnly = !"all".equals(command.replace()) && command.hyperparams().stream()
                .allMatch(item -> PROPERTIES_SECTION.equals(item.get("section")));
        if (!propertiesOnly) {
            requireEditableStatus(command.force());
        }
        apply(new TaskHyperParamsEditedEvent(id, command.hyperparams(), command.replace(), command.audit()));
    }

    /** Answers whether anything was deleted. */
    @CommandHandler
    public boolean handle(DeleteTaskHyperParamsCommand command) {
        assertOwnedBy(command.audit());
        boolean propertiesOnly = command.hyperparams().stream()
                .allMatch(ref -> PROPERTIES_SECTION.equals(ref.section()));
        if (!propertiesOnly) {
            requireEditableStatus(command.force());
        }
        List<HyperParamRef> existing = command.hyperparams().stream().filter(state::hasHyperParam).toList();
        if (existing.isEmpty()) {
            return false;
        }
        apply(new TaskHyperParamsDeletedEvent(id, existing, command.audit()));
        return true;
    }

    @CommandHandler
    public void handle(EditTaskConfigurationCommand command) {
        assertOwnedBy(command.audit());
        requireEditableStatus(command.force());
        apply(new TaskConfigurationEditedEvent(id, command.configuration(), command.replace(), command.audit()));
    }

    @CommandHandler
    public boolean handle(DeleteTaskConfigurationCommand command) {
        assertOwnedBy(command.audit());
        requireEditableStatus(command.force());
        List<String> existing = command.names().stream().filter(state::hasConfiguration).toList();
        if (existing.isEmpty()) {
            return false;
        }
        apply(new TaskConfigurationDeletedEvent(id, existing, command.audit()));
        return true;
    }

    // ---- artifacts and models ----

    @CommandHandler
    public void handle(AddOrUpdateTaskArtifactsCommand command) {
        assertOwnedBy(command.audit());
        requireEditableStatus(command.force());
        apply(new TaskArtifactsAddedOrUpdatedEvent(id, command.artifacts(), command.audit()));
    }

    /** Answers the number of artifacts deleted. */
    @CommandHandler
    public int handle(DeleteTaskArtifactsCommand command) {
        assertOwnedBy(command.audit());
        requireEditableStatus(command.force());
        List<ArtifactKey> existing = command.artifacts().stream().filter(state::hasArtifact).distinct().toList();
        if (!existing.isEmpty()) {
            apply(new TaskArtifactsDeletedEvent(id, existing, command.audit()));
        }
        return existing.size();
    }

    @CommandHandler
    public void handle(AddOrUpdateTaskModelCommand command) {
        assertOwnedBy(command.audit());
        requireStatusIn(TaskStatus.CREATED, TaskStatus.IN_PROGRESS);
        apply(new TaskModelAttachedEvent(id, command.type(),
                new TaskModelEntry(command.name(), command.model(), command.audit().at()), command.iteration(),
                command.audit()));
    }

    @CommandHandler
    public int handle(DeleteTaskModelsCommand command) {
        assertOwnedBy(command.audit());
        requireStatusIn(TaskStatus.CREATED, TaskStatus.IN_PROGRESS);
        List<TaskModelRef> existing = command.models().stream().filter(state::hasModel).distinct().toList();
        if (!existing.isEmpty()) {
            apply(new TaskModelsDetachedEvent(id, existing, command.audit()));
        }
        return existing.size();
    }

    /** Not bound to a status: reported progress (models.edit {iteration}) only raises last_iteration. */
    @CommandHandler
    public void handle(ReportTaskIterationCommand command) {
        assertOwnedBy(command.audit());
        apply(new TaskIterationReportedEvent(id, command.iteration(), command.audit()));
    }

    /** Metric progress found by the indexer; like iteration reports, not bound to a status. */
    @CommandHandler
    public void handle(RecordTaskMetricsCommand command) {
        assertOwnedBy(command.audit());
        if (command.lastIteration() == null && command.metrics().isEmpty() && command.activity().isEmpty()) {
            return;
        }
        if (metricsResetAt != null && command.audit().at().isBefore(metricsResetAt)) {
            return;
        }
        apply(new TaskMetricsRecordedEvent(id, command.lastIteration(), command.metrics(), command.activity(),
                command.audit()));
    }

    // ---- queues (through the task-and-queue coordinator, docs/api/queues.md) ----

    /**
     * To {@code queued} in {@code queueId}, remembering the status before (a task already queued keeps its first
     * one); removes the {@code development} system tag. Answers the queue the task waited in before, if another.
     */
    public String enqueue(String queueId, String reason, String message, AuditEntry audit) {
        assertOwnedBy(audit);
        checkTransition(TaskStatus.QUEUED, false);
        String previous = status == TaskStatus.QUEUED && !queueId.equals(queue) ? queue : null;
        if (state.systemTags().contains(DEVELOPMENT)) {
            List<String> systemTags = state.systemTags().stream().filter(t -> !DEVELOPMENT.equals(t)).toList();
            apply(new TaskSystemTagsChangedEvent(id, systemTags, audit));
        }
        apply(new TaskEnqueuedEvent(id, status, queueId, text(reason), text(message), false, audit));
        return previous;
    }

    /** queues.add_task with update_execution_queue: {@code execution.queue} names the queue, the status stays. */
    public void setExecutionQueue(String queueId, AuditEntry audit) {
        assertOwnedBy(audit);
        apply(new TaskExecutionQueueSetEvent(id, queueId, audit));
    }

    /** A stopped task whose entry a worker popped is queued again (docs/api/queues.md, queues.get_next_task). */
    @CommandHandler
    public void handle(HandOutTaskCommand command) {
        assertOwnedBy(command.audit());
        if (status == TaskStatus.STOPPED) {
            apply(new TaskEnqueuedEvent(id, status, command.queueId(), "", "handed out to " + command.worker(),
                    true, command.audit()));
        }
    }

    /** The queue the task waits in, or null when it is not queued. */
    public String queue() {
        return status == TaskStatus.QUEUED ? queue : null;
    }

    /**
     * Out of its queue: a queued task goes back to {@code newStatus}, else to the status it had when enqueued (forced,
     * as docs/api/queues.md says). Answers the event, or null when the task was not queued.
     */
    public TaskDequeuedEvent dequeue(TaskStatus newStatus, String reason, String message, AuditEntry audit) {
        assertOwnedBy(audit);
        if (status != TaskStatus.QUEUED) {
            return null;
        }
        TaskStatus to = newStatus != null ? newStatus
                : enqueueStatus != null && enqueueStatus != TaskStatus.QUEUED ? enqueueStatus : TaskStatus.CREATED;
        return applied(new TaskDequeuedEvent(id, status, to, queue, text(reason), text(message), true, audit));
    }

    // ---- visibility (docs/api/visibility.md) ----

    @CommandHandler
    public void handle(MakeTaskPublicCommand command) {
        if (company.isEmpty()) { // already public: not an entity of the caller's company to publish
            throw TaskErrors.invalidTaskId(id, command.audit().companyId());
        }
        assertOwnedBy(command.audit());
        apply(new TaskMadePublicEvent(id, company, command.audit()));
    }

    @CommandHandler
    public void handle(MakeTaskPrivateCommand command) {
        if (!company.isEmpty() || !command.audit().companyId().equals(companyOrigin)) {
            throw TaskErrors.invalidTaskId(id, command.audit().companyId());
        }
        apply(new TaskMadePrivateEvent(id, companyOrigin, command.audit()));
    }

    // ---- reports (docs/api/reports.md) ----

    @CommandHandler
    public String handle(CheckReportCommand command) {
        assertOwnedBy(command.audit());
        assertReport();
        return state.content().project();
    }

    /** Answers whether anything changed. Name, tags and comment change in any status, the markdown only in created. */
    @CommandHandler
    public boolean handle(UpdateReportCommand command) {
        assertOwnedBy(command.audit());
        assertReport();
        if (command.report() != null && status != TaskStatus.CREATED) {
            throw TaskErrors.expectedStatus("created", status);
        }
        TaskContent wanted = TaskContent.none()
                .withName(command.name() == null ? null : TaskNames.check(command.name()))
                .withComment(command.comment())
                .withTags(command.tags());
        List<Object> events = TaskEditIntents.events(id, TaskEditDiff.changes(state.content(), state.artifactList(),
                wanted), command.audit());
        events.forEach(AggregateLifecycle::apply);
        if (command.report() != null) {
            apply(new TaskReportChangedEvent(id, command.report(), command.audit()));
        }
        return !events.isEmpty() || command.report() != null;
    }

    private void assertReport() {
        if (!TaskTypes.REPORT.equals(state.content().type())) {
            throw ApiError.OPERATION_SUPPORTED_ON_REPORTS_ONLY.toException(TaskErrors.data("id", id));
        }
    }

    // ---- queries on the state, used by TaskCommandHandler ----

    public String company() {
        return company;
    }

    TaskStatus status() {
        return status;
    }

    TaskState state() {
        return state;
    }

    /** The content a clone starts from (docs/api/tasks.md: no queue, no output artifacts, no output models). */
    TaskContent cloneContent(CloneTaskCommand command) {
        if (!company.isEmpty() && !company.equals(command.audit().companyId())) {
            throw TaskErrors.invalidTaskId(id, command.audit().companyId());
        }
        return TaskClone.content(id, state.content(), state.artifactList(), command);
    }

    public void assertOwnedBy(AuditEntry audit) {
        WriteAccess.require(company, audit.companyId(), "task", id, () -> TaskErrors.invalidTaskId(id,
                audit.companyId()));
    }

    // ---- rules ----

    private TaskContent validatedForCreate(TaskContent requested) {
        TaskTypes.check(requested.type());
        return requested.withName(TaskNames.check(requested.name()));
    }

    private TaskContent validated(TaskContent requested) {
        TaskContent result = requested;
        if (requested.name() != null) {
            result = result.withName(TaskNames.check(requested.name()));
        }
        if (requested.type() != null) {
            TaskTypes.check(requested.type());
        }
        return result;
    }

    /** Created always; in_progress only with force (ClearML's "task for update" rule). */
    private void requireEditableStatus(boolean force) {
        if (status == TaskStatus.CREATED || (force && status == TaskStatus.IN_PROGRESS)) {
            return;
        }
        throw TaskErrors.expectedStatus(force ? "created or in_progress" : "created", status);
    }

    private void requireStatusIn(TaskStatus... allowed) {
        for (TaskStatus candidate : allowed) {
            if (candidate == status) {
                return;
            }
        }
        throw TaskErrors.expectedStatus("created or in_progress", status);
    }

    private void checkTransition(TaskStatus to, boolean force) {
        if (!force) {
            TaskStatusMachine.check(status, to);
        }
    }

    /** To in_progress: a new run unless one is going on (then its start time is kept). */
    private TaskStatusEvent start(String reason, String message, boolean force, AuditEntry audit) {
        return started == null
                ? new TaskStartedEvent(id, status, text(reason), text(message), force, audit)
                : new TaskResumedEvent(id, status, text(reason), text(message), force, audit);
    }

    private TaskPublishedEvent publish(String reason, String message, boolean force, AuditEntry audit) {
        return new TaskPublishedEvent(id, status, text(reason), text(message), activeDuration(audit), force, audit);
    }

    /** A status set by an edit or an archive, outside the run's lifecycle (forced); to in_progress starts a run. */
    private void setStatus(TaskStatus to, String reason, String message, AuditEntry audit) {
        apply(to == TaskStatus.IN_PROGRESS ? start(reason, message, true, audit)
                : new TaskStatusSetEvent(id, status, to, text(reason), text(message), activeDuration(audit), true,
                audit));
    }

    /** The run's length in seconds when the task is running now (so the coming change ends the run), else 0. */
    private long activeDuration(AuditEntry audit) {
        return status == TaskStatus.IN_PROGRESS && started != null
                ? Math.max(0, Duration.between(started, audit.at()).toSeconds()) : 0;
    }

    private static String text(String value) {
        return Objects.requireNonNullElse(value, "");
    }

    private <E extends TaskStatusEvent> E applied(E event) {
        apply(event);
        return event;
    }

    private StatusOutcome outcome(TaskStatusEvent change) {
        return new StatusOutcome(List.of(applied(change)), state.lastOutputModel());
    }

    private boolean isArchived() {
        return state.systemTags().contains(ARCHIVED);
    }

    // ---- state ----

    @EventSourcingHandler
    void on(TaskCreatedEvent event) {
        id = event.taskId();
        company = event.audit().companyId();
        status = TaskStatus.CREATED;
        state = TaskState.of(event.content());
    }

    @EventSourcingHandler
    void on(TaskEditedEvent event) {
        state.applyEdit(event.changes());
    }

    @EventSourcingHandler
    void on(TaskRenamedEvent event) {
        state.applyEdit(TaskContent.none().withName(event.name()));
    }

    @EventSourcingHandler
    void on(TaskCommentChangedEvent event) {
        state.applyEdit(TaskContent.none().withComment(event.comment()));
    }

    @EventSourcingHandler
    void on(TaskTagsChangedEvent event) {
        state.applyEdit(TaskContent.none().withTags(event.tags()));
    }

    @EventSourcingHandler
    void on(TaskSystemTagsChangedEvent event) {
        state.applyEdit(TaskContent.none().withSystemTags(event.systemTags()));
    }

    @EventSourcingHandler
    void on(TaskMovedEvent event) {
        state.applyEdit(TaskContent.none().withProject(event.project()));
    }

    @EventSourcingHandler
    void on(TaskHyperParamsReplacedEvent event) {
        state.applyEdit(TaskContent.none().withHyperparams(event.hyperparams()));
    }

    @EventSourcingHandler
    void on(TaskConfigurationReplacedEvent event) {
        state.applyEdit(TaskContent.none().withConfiguration(event.configuration()));
    }

    @EventSourcingHandler
    void on(TaskStatusEvent event) {
        if (event instanceof TaskEnqueuedEvent enqueued) {
            if (status != TaskStatus.QUEUED) {
                enqueueStatus = status;
            }
            queue = enqueued.queueId();
        }
        status = event.to();
        if (event.startsRun()) {
            started = event.audit().at();
        }
    }

    @EventSourcingHandler
    void on(TaskResetEvent event) {
        queue = null;
        enqueueStatus = null;
        status = TaskStatus.CREATED;
        started = null;
        metricsResetAt = event.audit().at();
        state.reset(event.clearAll());
    }

    @EventSourcingHandler
    void on(TaskRequirementsSetEvent event) {
        state.setRequirements(event.requirements());
    }

    @EventSourcingHandler
    void on(TaskHyperParamsEditedEvent event) {
        state.editHyperParams(event.hyperparams(), event.replace());
    }

    @EventSourcingHandler
    void on(TaskHyperParamsDeletedEvent event) {
        state.deleteHyperParams(event.hyperparams());
    }

    @EventSourcingHandler
    void on(TaskConfigurationEditedEvent event) {
        state.editConfiguration(event.configuration(), event.replace());
    }

    @EventSourcingHandler
    void on(TaskConfigurationDeletedEvent event) {
        state.deleteConfiguration(event.names());
    }

    @EventSourcingHandler
    void on(TaskArtifactsAddedOrUpdatedEvent event) {
        state.putArtifacts(event.artifacts());
    }

    @EventSourcingHandler
    void on(TaskArtifactsDeletedEvent event) {
        state.removeArtifacts(event.artifacts());
    }

    @EventSourcingHandler
    void on(TaskModelAttachedEvent event) {
        state.attachModel(event.type(), event.entry());
    }

    @EventSourcingHandler
    void on(TaskModelsDetachedEvent event) {
        state.detachModels(event.models());
    }

    @EventSourcingHandler
    void on(TaskArchivedEvent event) {
        state.setSystemTag(ARCHIVED, true);
    }

    @EventSourcingHandler
    void on(TaskUnarchivedEvent event) {
        state.setSystemTag(ARCHIVED, false);
    }

    @EventSourcingHandler
    void on(TaskDeletedEvent event) {
        markDeleted();
    }

    @EventSourcingHandler
    void on(TaskMadePublicEvent event) {
        company = "";
        companyOrigin = event.originCompany();
    }

    @EventSourcingHandler
    void on(TaskMadePrivateEvent event) {
        company = event.company();
        companyOrigin = null;
    }
}
