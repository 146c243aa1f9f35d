package io.xstore.command.project;

import io.xstore.api.project.MakeProjectPrivateCommand;
import io.xstore.api.project.MakeProjectPublicCommand;
import io.xstore.api.project.ProjectMadePrivateEvent;
import io.xstore.api.project.ProjectMadePublicEvent;
import io.xstore.api.project.CreateProjectCommand;
import io.xstore.api.project.DeleteProjectCommand;
import io.xstore.api.project.MergeProjectCommand;
import io.xstore.api.project.MoveProjectCommand;
import io.xstore.api.project.ProjectCreatedEvent;
import io.xstore.api.project.ProjectDeletedEvent;
import io.xstore.api.project.ProjectMergedEvent;
import io.xstore.api.project.ProjectMovedEvent;
import io.xstore.api.project.ProjectDefaultOutputDestinationChangedEvent;
import io.xstore.api.project.ProjectDescriptionChangedEvent;
import io.xstore.api.project.ProjectSystemTagsChangedEvent;
import io.xstore.api.project.ProjectTagsChangedEvent;
import io.xstore.api.project.UpdateProjectCommand;
import io.xstore.command.WriteAccess;
import io.xstore.protocol.ApiError;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * One project. Name uniqueness per company is checked against {@link ProjectNames} (set-based validation); the
 * hierarchy (creating ancestors, moving descendants) is driven by {@link ProjectCreation} and
 * {@link ProjectRelocation}, one command per project.
 */
@Aggregate(cache = "projectAggregateCache")
public class ProjectAggregate {

    @AggregateIdentifier
    private String projectId;
    private String company;
    /** The company that made it public (company ""), which alone may make it private again. */
    private String companyOrigin;
    private String name;
    private String parent;

    protected ProjectAggregate() {
    }

    @CommandHandler
    public ProjectAggregate(CreateProjectCommand command, ProjectNames names) {
        String name = ProjectNameRules.normalizeStored(command.name());
        if (names.byName(command.company(), name).isPresent()) {
            throw ProjectNameRules.duplicate(command.company(), name);
        }
        apply(new ProjectCreatedEvent(command.projectId(), command.company(), name, ProjectNameRules.basename(name),
                command.parent(), listOrEmpty(command.path()), Objects.requireNonNullElse(command.description(), ""),
                listOrEmpty(command.tags()), listOrEmpty(command.systemTags()), command.defaultOutputDestination(),
                command.audit()));
    }

    @CommandHandler
    public void handle(UpdateProjectCommand command) {
        requireCompany(command.company());
        if (command.description() != null) {
            apply(new ProjectDescriptionChangedEvent(projectId, command.description(), command.audit()));
        }
        if (command.tags() != null) {
            apply(new ProjectTagsChangedEvent(projectId, command.tags(), command.audit()));
        }
        if (command.systemTags() != null) {
            apply(new ProjectSystemTagsChangedEvent(projectId, command.systemTags(), command.audit()));
        }
        if (command.defaultOutputDestination() != null) {
            apply(new ProjectDefaultOutputDestinationChangedEvent(projectId, command.defaultOutputDestination(),
                    command.audit()));
        }
    }

    @CommandHandler
    public void handle(MoveProjectCommand command, ProjectNames names) {
        requireCompany(command.company());
        String newName = ProjectNameRules.normalizeStored(command.name());
        if (newName.equals(name) && Objects.equals(command.parent(), parent)) {
            return;
        }
        names.byName(company, newName).filter(other -> !other.id().equals(projectId)).ifPresent(other -> {
            throw ProjectNameRules.duplicate(company, newName);
        });
        apply(new ProjectMovedEvent(projectId, newName, ProjectNameRules.basename(newName), command.parent(),
                listOrEmpty(command.path()), command.audit()));
    }

    @CommandHandler
    public void handle(MergeProjectCommand command) {
        requireCompany(command.company());
        if (projectId.equals(command.destinationProjectId())) {
            throw ApiError.PROJECT_SOURCE_AND_DESTINATION_ARE_THE_SAME.toException(Map.of("id", projectId));
        }
        apply(new ProjectMergedEvent(projectId, command.destinationProjectId(), command.audit()));
    }

    @CommandHandler
    public void handle(DeleteProjectCommand command) {
        requireCompany(command.company());
        apply(new ProjectDeletedEvent(projectId, command.audit()));
    }

    @CommandHandler
    public void handle(MakeProjectPublicCommand command) {
        if (company.isEmpty()) { // already public: not an entity of the caller's company to publish
            throw ApiError.INVALID_PROJECT_ID.toException(Map.of("id", projectId));
        }
        requireCompany(command.audit().companyId());
        apply(new ProjectMadePublicEvent(projectId, company, command.audit()));
    }

    @CommandHandler
    public void handle(MakeProjectPrivateCommand command) {
        if (!company.isEmpty() || !command.audit().companyId().equals(companyOrigin)) {
            throw ApiError.INVALID_PROJECT_ID.toException(Map.of("id", projectId));
        }
        apply(new ProjectMadePrivateEvent(projectId, companyOrigin, command.audit()));
    }

    private void requireCompany(String caller) {
        WriteAccess.require(company, caller, "project", projectId,
                () -> ApiError.INVALID_PROJECT_ID.toException(Map.of("id", projectId)));
    }

    private static List<String> listOrEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    @EventSourcingHandler
    void on(ProjectCreatedEvent event) {
        projectId = event.projectId();
        company = event.company();
        name = event.name();
        parent = event.parent();
    }

    @EventSourcingHandler
    void on(ProjectMovedEvent event) {
        name = event.name();
        parent = event.parent();
    }

    @EventSourcingHandler
    void on(ProjectMergedEvent event) {
        markDeleted();
    }

    @EventSourcingHandler
    void on(ProjectDeletedEvent event) {
        markDeleted();
    }

    @EventSourcingHandler
    void on(ProjectMadePublicEvent event) {
        company = "";
        companyOrigin = event.originCompany();
    }

    @EventSourcingHandler
    void on(ProjectMadePrivateEvent event) {
        company = event.company();
        companyOrigin = null;
    }
}
