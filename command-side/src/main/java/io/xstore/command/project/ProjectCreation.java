package io.xstore.command.project;

import io.xstore.api.AuditEntry;
import io.xstore.api.NewIds;
import io.xstore.api.project.CreateProjectCommand;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates projects by full name, creating missing ancestors first (each its own aggregate, each its own command).
 * Also the "find or create by name" used by {@code tasks.move}/{@code models.move} with {@code project_name}.
 */
@Component
public class ProjectCreation {

    private final CommandGateway commands;
    private final ProjectNames names;

    public ProjectCreation(CommandGateway commands, ProjectNames names) {
        this.commands = commands;
        this.names = names;
    }

    /** Creates the project (400/801 if the company already has that name) and returns its id. */
    public String create(String company, String rawName, String description, List<String> tags,
                         List<String> systemTags, String defaultOutputDestination, AuditEntry audit) {
        String name = ProjectNameRules.normalize(rawName);
        if (names.byName(company, name).isPresent()) {
            throw ProjectNameRules.duplicate(company, name);
        }
        refusePublicName(company, name);
        ProjectLocation location = ensureParent(company, name, audit);
        String id = newId();
        commands.sendAndWait(new CreateProjectCommand(id, company, name, location.parent(), location.path(),
                description, tags, systemTags, defaultOutputDestination, audit));
        return id;
    }

    /** The id of the project with this full name, created (with its ancestors) when missing. */
    public String findOrCreate(String company, String rawName, AuditEntry audit) {
        String name = ProjectNameRules.normalize(rawName);
        return names.byName(company, name).map(ProjectRef::id)
                .orElseGet(() -> createLevel(company, name, ensureParent(company, name, audit), audit));
    }

    /** Parent and ancestor path of a full name; missing ancestors are created on the way. */
    public ProjectLocation ensureParent(String company, String name, AuditEntry audit) {
        ProjectLocation location = ProjectLocation.TOP;
        for (String ancestor : ProjectNameRules.ancestors(name)) {
            ProjectLocation current = location;
            String id = names.byName(company, ancestor).map(ProjectRef::id)
                    .orElseGet(() -> createLevel(company, ancestor, current, audit));
            List<String> path = new ArrayList<>(location.path());
            path.add(id);
            location = new ProjectLocation(id, List.copyOf(path));
        }
        return location;
    }

    /** Creates one level; when another call created the same name a moment earlier, that project is used. */
    private String createLevel(String company, String name, ProjectLocation location, AuditEntry audit) {
        refusePublicName(company, name);
        String id = newId();
        try {
            commands.sendAndWait(new CreateProjectCommand(id, company, name, location.parent(), location.path(), "",
                    List.of(), List.of(), null, audit));
            return id;
        } catch (ApiException e) {
            if (e.subcode() == ApiError.EXPECTED_UNIQUE_DATA.subcode()) {
                return names.byName(company, name).map(ProjectRef::id).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** Names of public projects (company "") are reserved (docs/api/behaviour-rules.md §7): 400/414. */
    private void refusePublicName(String company, String name) {
        if (!company.isEmpty() && names.byName("", name).isPresent()) {
            throw ApiError.PUBLIC_PROJECT_EXISTS.toException(Map.of("name", name));
        }
    }

    static String newId() {
        return NewIds.hex();
    }
}
