package io.xstore.command.project;

import io.xstore.api.AuditEntry;
import io.xstore.api.model.MoveModelCommand;
import io.xstore.api.project.MergeProjectCommand;
import io.xstore.protocol.ApiError;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code projects.merge}: the source's direct sub-projects, tasks and models move into the destination, then the
 * source ends. Response {@code {moved_entities, moved_projects}}.
 */
@Component
public class ProjectMerge {

    private final CommandGateway commands;
    private final ProjectNames names;
    private final ProjectRelocation relocation;
    private final ObjectProvider<ProjectContents> contents;
    private final ObjectProvider<ProjectTaskOperations> taskOperations;

    public ProjectMerge(CommandGateway commands, ProjectNames names, ProjectRelocation relocation,
                        ObjectProvider<ProjectContents> contents,
                        ObjectProvider<ProjectTaskOperations> taskOperations) {
        this.commands = commands;
        this.names = names;
        this.relocation = relocation;
        this.contents = contents;
        this.taskOperations = taskOperations;
    }

    public Map<String, Object> merge(String company, String sourceId, String destinationId, AuditEntry audit) {
        ProjectRef source = relocation.require(company, sourceId);
        ProjectRef destination = relocation.require(company, destinationId);
        if (source.id().equals(destination.id())) {
            throw ApiError.PROJECT_SOURCE_AND_DESTINATION_ARE_THE_SAME.toException(Map.of("id", sourceId));
        }
        if (ProjectNameRules.isWithin(destination.name(), source.name())) {
            throw ApiError.PROJECT_CANNOT_BE_MOVED_UNDER_ITSELF.toException(
                    Map.of("project", sourceId, "destination", destinationId));
        }
        List<ProjectRef> children = names.descendants(company, source.name()).stream()
                .filter(p -> ProjectNameRules.parentName(p.name()).equals(source.name()))
                .toList();
        for (ProjectRef child : children) {
            relocation.relocate(company, child.id(), destination.name() + "/" + child.basename(), audit);
        }
        ProjectContents inside = contents.getIfAvailable(() -> ProjectContents.EMPTY);
        int movedTasks = taskOperations.getIfAvailable(() -> ProjectTaskOperations.NONE)
                .moveTasks(inside.taskIds(source.id()), destination.id(), audit);
        List<String> modelIds = inside.modelIds(source.id());
        for (String modelId : modelIds) {
            commands.sendAndWait(new MoveModelCommand(modelId, company, destination.id(), audit));
        }
        commands.sendAndWait(new MergeProjectCommand(source.id(), company, destination.id(), audit));

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("moved_entities", movedTasks + modelIds.size());
        result.put("moved_projects", children.size());
        return result;
    }
}
