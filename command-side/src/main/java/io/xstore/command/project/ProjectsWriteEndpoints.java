package io.xstore.command.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.api.project.UpdateProjectCommand;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The writing endpoints of the ClearML {@code projects} service. */
@Component
public class ProjectsWriteEndpoints {

    private final CommandGateway commands;
    private final ProjectCreation creation;
    private final ProjectRelocation relocation;
    private final ProjectDeletion deletion;
    private final ProjectMerge merge;

    public ProjectsWriteEndpoints(CommandGateway commands, ProjectCreation creation, ProjectRelocation relocation,
                                  ProjectDeletion deletion, ProjectMerge merge) {
        this.commands = commands;
        this.creation = creation;
        this.relocation = relocation;
        this.deletion = deletion;
        this.merge = merge;
    }

    @ApiEndpoint("projects.create")
    public Object create(CallContext ctx) {
        ObjectNode body = ctx.body();
        String name = Fields.optString(body, "name");
        if (name == null) {
            throw ApiError.MISSING_REQUIRED_FIELDS.toException(Map.of("fields", List.of("name")));
        }
        String id = creation.create(ctx.company(), name,
                Objects.requireNonNullElse(Fields.optString(body, "description"), ""),
                strings(body, "tags"), strings(body, "system_tags"),
                Fields.optString(body, "default_output_destination"), ctx.audit());
        return Map.of("id", id);
    }

    @ApiEndpoint("projects.update")
    public Object update(CallContext ctx) {
        ObjectNode body = ctx.body();
        String projectId = requireId(body, "project");
        ProjectRef current = relocation.require(ctx.company(), projectId);
        String description = Fields.optString(body, "description");
        List<String> tags = strings(body, "tags");
        List<String> systemTags = strings(body, "system_tags");
        String outputDestination = Fields.optString(body, "default_output_destination");
        String name = Fields.optString(body, "name");

        Map<String, Object> fields = new LinkedHashMap<>();
        if (name != null) {
            String cleaned = ProjectNameRules.normalize(name);
            // only the last path part may change; moving is projects.move's job (docs/api/behaviour-rules.md §7)
            if (!parentPath(cleaned).equals(parentPath(current.name()))) {
                throw ApiError.CANNOT_UPDATE_PROJECT_LOCATION.toException(Map.of("name", cleaned,
                        "current", current.name()));
            }
            relocation.relocate(ctx.company(), projectId, cleaned, ctx.audit());
            fields.put("name", cleaned);
            fields.put("basename", ProjectNameRules.basename(cleaned));
        }
        if (description != null || tags != null || systemTags != null || outputDestination != null) {
            commands.sendAndWait(new UpdateProjectCommand(projectId, ctx.company(), description, tags, systemTags,
                    outputDestination, ctx.audit()));
            putIfPresent(fields, "description", description);
            putIfPresent(fields, "tags", tags == null ? null : tags.stream().sorted().toList());
            putIfPresent(fields, "system_tags", systemTags == null ? null : systemTags.stream().sorted().toList());
            putIfPresent(fields, "default_output_destination", outputDestination);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("updated", 1);
        result.put("fields", fields);
        return result;
    }

    @ApiEndpoint("projects.move")
    public Object move(CallContext ctx) {
        ObjectNode body = ctx.body();
        String projectId = requireId(body, "project");
        ProjectRef project = relocation.require(ctx.company(), projectId);
        String location = Fields.optString(body, "new_location");
        String parent = location == null || location.isBlank() ? null : ProjectNameRules.clean(location);
        String newName = parent == null ? project.basename() : parent + "/" + project.basename();
        int moved = relocation.relocate(ctx.company(), projectId, newName, ctx.audit());
        if (moved == 0) {
            throw ApiError.PROJECT_SOURCE_AND_DESTINATION_ARE_THE_SAME.toException(
                    Map.of("location", parent == null ? "" : parent));
        }
        return Map.of("moved", moved);
    }

    @ApiEndpoint("projects.merge")
    public Object merge(CallContext ctx) {
        ObjectNode body = ctx.body();
        String projectId = requireId(body, "project");
        String destination = Fields.optString(body, "destination_project");
        if (destination == null || destination.isEmpty()) {
            throw ApiError.MISSING_REQUIRED_FIELDS.toException(Map.of("fields", List.of("destination_project")));
        }
        return merge.merge(ctx.company(), projectId, destination, ctx.audit());
    }

    @ApiEndpoint("projects.delete")
    public Object delete(CallContext ctx) {
        ObjectNode body = ctx.body();
        String projectId = requireId(body, "project");
        return deletion.delete(ctx.company(), projectId, Fields.optBool(body, "force", false),
                Fields.optBool(body, "delete_contents", false),
                Fields.optBool(body, "delete_external_artifacts", true), ctx.audit());
    }

    private static String requireId(ObjectNode body, String field) {
        return Fields.requireString(body, field);
    }

    /** A list of strings without nulls, or null when absent. */
    static List<String> strings(ObjectNode body, String field) {
        List<String> values = Fields.optStringList(body, field);
        return values == null ? null : values.stream().filter(Objects::nonNull).toList();
    }

    private static void putIfPresent(Map<String, Object> fields, String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    private static String parentPath(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }
}
