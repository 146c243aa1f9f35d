package io.xstore.command.project;

import io.xstore.api.AuditEntry;
import io.xstore.api.project.MoveProjectCommand;
import io.xstore.command.WriteAccess;
import io.xstore.protocol.ApiError;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Gives a project a new full name and carries its whole sub-tree along: each descendant gets its own
 * {@link MoveProjectCommand} with its new full name and ancestor path. Missing new ancestors are created.
 */
@Component
public class ProjectRelocation {

    private final CommandGateway commands;
    private final ProjectNames names;
    private final ProjectCreation creation;

    public ProjectRelocation(CommandGateway commands, ProjectNames names, ProjectCreation creation) {
        this.commands = commands;
        this.names = names;
        this.creation = creation;
    }

    /** The project of this company, or 400/401 (403/21 for a public one, see {@link WriteAccess}). */
    public ProjectRef require(String company, String projectId) {
        Supplier<RuntimeException> unknown =
                () -> ApiError.INVALID_PROJECT_ID.toException(Map.of("id", String.valueOf(projectId)));
        ProjectRef project = names.byId(projectId).orElseThrow(unknown);
        WriteAccess.require(project.company(), company, "project", projectId, unknown);
        return project;
    }

    /** Renames (possibly re-parents) a project; returns how many projects changed name (0 when none). */
    public int relocate(String company, String projectId, String rawNewName, AuditEntry audit) {
        ProjectRef project = require(company, projectId);
        String newName = ProjectNameRules.normalize(rawNewName);
        if (newName.equals(project.name())) {
            return 0;
        }
        if (ProjectNameRules.isWithin(newName, project.name())) {
            throw ApiError.PROJECT_CANNOT_BE_MOVED_UNDER_ITSELF.toException(
                    Map.of("project", projectId, "name", newName));
        }
        if (names.byName(company, newName).isPresent()) {
            throw ProjectNameRules.duplicate(company, newName);
        }
        List<ProjectRef> descendants = names.descendants(company, project.name());
        for (ProjectRef descendant : descendants) {
            ProjectNameRules.validate(renamed(descendant.name(), project.name(), newName));
        }

        ProjectLocation location = creation.ensureParent(company, newName, audit);
        commands.sendAndWait(new MoveProjectCommand(projectId, company, newName, location.parent(), location.path(),
                audit));

        Map<String, String> idsByNewName = new HashMap<>();
        idsByNewName.put(newName, projectId);
        List<String> rootPath = new ArrayList<>(location.path());
        rootPath.add(projectId);
        for (ProjectRef descendant : descendants) {
            String childName = renamed(descendant.name(), project.name(), newName);
            List<String> path = new ArrayList<>(rootPath);
            for (String level : ProjectNameRules.ancestors(childName)) {
                if (level.length() > newName.length()) {
                    path.add(idsByNewName.get(level));
                }
            }
            commands.sendAndWait(new MoveProjectCommand(descendant.id(), company, childName, path.get(path.size() - 1),
                    List.copyOf(path), audit));
            idsByNewName.put(childName, descendant.id());
        }
        return 1 + descendants.size();
    }

    private static String renamed(String name, String oldPrefix, String newPrefix) {
        return newPrefix + name.substring(oldPrefix.length());
    }
}
