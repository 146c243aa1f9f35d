package io.xstore.command.task;

import io.xstore.api.AuditEntry;
import io.xstore.api.task.CloneTaskCommand;
import io.xstore.api.task.CreateTaskCommand;
import io.xstore.api.task.EditTaskCommand;
import io.xstore.api.task.MoveTaskCommand;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskModelEntry;
import io.xstore.protocol.ApiError;
import io.xstore.api.task.UpdateTaskCommand;
import io.xstore.api.task.ValidateTaskCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.List;
import java.util.Map;

/**
 * The task commands that refer to other aggregates: the project must exist (400/401) and the parent task must
 * exist in the caller's company or be public (400/101). Clone reads its source task.
 */
public class TaskCommandHandler {

    private final Repository<TaskAggregate> tasks;
    private final ProjectDirectory projects;
    private final InputModels inputModels;

    public TaskCommandHandler(Repository<TaskAggregate> tasks, ProjectDirectory projects) {
        this(tasks, projects, InputModels.ANY);
    }

    public TaskCommandHandler(Repository<TaskAggregate> tasks, ProjectDirectory projects, InputModels inputModels) {
        this.tasks = tasks;
        this.projects = projects;
        this.inputModels = inputModels;
    }

    @CommandHandler
    public String handle(CreateTaskCommand command) throws Exception {
        checkReferences(command.content(), command.taskId(), command.audit());
        tasks.newInstance(() -> new TaskAggregate(command));
        return command.taskId();
    }

    /** The checks of create (name, type, project, parent), nothing stored; a parent of a deleted task is dropped. */
    @CommandHandler
    public void handle(ValidateTaskCommand command) {
        TaskContent content = command.content();
        TaskTypes.check(content.type());
        TaskNames.check(content.name());
        String parent = content.parent();
        if (parent != null && parent.startsWith(TaskAggregate.DELETED_PARENT_PREFIX)) {
            checkProject(content.project(), command.audit());
            checkInputModels(content.models() == null ? null : content.models().input(), command.audit());
            return;
        }
        checkReferences(content, null, command.audit());
    }

    @CommandHandler
    public String handle(CloneTaskCommand command) throws Exception {
        TaskContent copied = load(command.sourceTaskId()).invoke(source -> source.cloneContent(command));
        if (command.validateReferences()) {
            checkReferences(copied, command.taskId(), command.audit());
        } else if (command.inputModels() != null) {
            checkInputModels(command.inputModels(), command.audit());
        }
        tasks.newInstance(() -> new TaskAggregate(command, copied));
        return command.taskId();
    }

    @CommandHandler
    public void handle(EditTaskCommand command) {
        load(command.taskId()).execute(task -> {
            task.assertOwnedBy(command.audit());
            checkReferences(command.changes(), command.taskId(), command.audit());
            task.edit(command);
        });
    }

    @CommandHandler
    public void handle(UpdateTaskCommand command) {
        load(command.taskId()).execute(task -> {
            task.assertOwnedBy(command.audit());
            checkProject(command.project(), command.audit());
            task.update(command);
        });
    }

    @CommandHandler
    public void handle(MoveTaskCommand command) {
        load(command.taskId()).execute(task -> {
            task.assertOwnedBy(command.audit());
            checkProject(command.project(), command.audit());
            task.move(command);
        });
    }

    private Aggregate<TaskAggregate> load(String taskId) {
        return tasks.load(taskId);
    }

    private void checkReferences(TaskContent content, String taskId, AuditEntry audit) {
        checkProject(content.project(), audit);
        checkInputModels(content.models() == null ? null : content.models().input(), audit);
        String parent = content.parent();
        if (parent == null || parent.isEmpty() || parent.equals(taskId)) {
            return;
        }
        try {
            String parentCompany = load(parent).invoke(TaskAggregate::company);
            if (!parentCompany.isEmpty() && !parentCompany.equals(audit.companyId())) {
                throw TaskErrors.invalidParent(parent);
            }
        } catch (AggregateNotFoundException e) {
            throw TaskErrors.invalidParent(parent);
        }
    }

    private void checkInputModels(List<TaskModelEntry> entries, AuditEntry audit) {
        if (entries == null) {
            return;
        }
        for (TaskModelEntry entry : entries) {
            String model = entry.model();
            if (model != null && !model.isEmpty() && !model.startsWith(TaskAggregate.DELETED_PARENT_PREFIX)
                    && !inputModels.exists(model, audit.companyId())) {
                throw ApiError.INVALID_MODEL_ID.toException("input model not found", Map.of("id", model));
            }
        }
    }

    private void checkProject(String project, AuditEntry audit) {
        if (project != null && !project.isEmpty() && !projects.exists(project, audit.companyId())) {
            throw TaskErrors.invalidProject(project);
        }
    }
}
