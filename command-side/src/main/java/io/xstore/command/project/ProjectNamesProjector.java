package io.xstore.command.project;

import io.xstore.api.project.ProjectCreatedEvent;
import io.xstore.api.project.ProjectDeletedEvent;
import io.xstore.api.project.ProjectMergedEvent;
import io.xstore.api.project.ProjectMadePrivateEvent;
import io.xstore.api.project.ProjectMadePublicEvent;
import io.xstore.api.project.ProjectMovedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link ProjectNames} in step with the project events. It runs in a subscribing processor (see
 * {@link ProjectNamesConfiguration}), that is inside the command's unit of work, so a duplicate name that slipped past
 * the aggregate's check (two concurrent creations) is refused by {@link ProjectNames#add} and rolls the events back.
 */
@Component
@ProcessingGroup(ProjectNamesProjector.PROCESSING_GROUP)
public class ProjectNamesProjector {

    public static final String PROCESSING_GROUP = "project-names";

    private final ProjectNames names;

    public ProjectNamesProjector(ProjectNames names) {
        this.names = names;
    }

    @EventHandler
    void on(ProjectCreatedEvent event) {
        names.add(new ProjectRef(event.projectId(), event.company(), event.name()));
    }

    @EventHandler
    void on(ProjectMovedEvent event) {
        names.rename(event.projectId(), event.name());
    }

    @EventHandler
    void on(ProjectMergedEvent event) {
        names.remove(event.projectId());
    }

    @EventHandler
    void on(ProjectMadePublicEvent event) {
        names.changeCompany(event.projectId(), "");
    }

    @EventHandler
    void on(ProjectMadePrivateEvent event) {
        names.changeCompany(event.projectId(), event.company());
    }

    @EventHandler
    void on(ProjectDeletedEvent event) {
        names.remove(event.projectId());
    }
}
