package io.xstore.server.visibility;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.xstore.api.AuditEntry;
import io.xstore.api.model.MakeModelPrivateCommand;
import io.xstore.api.model.MakeModelPublicCommand;
import io.xstore.api.project.MakeProjectPrivateCommand;
import io.xstore.api.project.MakeProjectPublicCommand;
import io.xstore.api.task.MakeTaskPrivateCommand;
import io.xstore.api.task.MakeTaskPublicCommand;
import io.xstore.command.CommandErrors;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import io.xstore.readmodel.Collections;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * tasks/models/projects.make_public and make_private (docs/api/visibility.md). Public means company "": every company
 * reads it, no company changes it; only the company that made it public makes it private again. Every id must be
 * eligible, else nothing is changed and the entity's invalid-id error lists the others; then each entity gets its
 * own command and event.
 */
@Component
public class VisibilityEndpoints {

    /** One entity kind: its read model, its invalid-id error and its two commands. */
    private record Kind(String collection, ApiError invalidId, BiFunction<String, AuditEntry, Object> makePublic,
                        BiFunction<String, AuditEntry, Object> makePrivate) {
    }

    private static final Kind TASKS = new Kind(Collections.TASKS, ApiError.INVALID_TASK_ID,
            MakeTaskPublicCommand::new, MakeTaskPrivateCommand::new);
    private static final Kind MODELS = new Kind(Collections.MODELS, ApiError.INVALID_MODEL_ID,
            MakeModelPublicCommand::new, MakeModelPrivateCommand::new);
    private static final Kind PROJECTS = new Kind(Collections.PROJECTS, ApiError.INVALID_PROJECT_ID,
            MakeProjectPublicCommand::new, MakeProjectPrivateCommand::new);

    private final CommandGateway commands;
    private final MongoDatabase database;

    public VisibilityEndpoints(CommandGateway commands, MongoDatabase database) {
        this.commands = commands;
        this.database = database;
    }

    @ApiEndpoint(value = "tasks.make_public", since = "2.9")
    public Object tasksPublic(CallContext ctx) {
        return change(ctx, TASKS, true);
    }

    @ApiEndpoint(value = "tasks.make_private", since = "2.9")
    public Object tasksPrivate(CallContext ctx) {
        return change(ctx, TASKS, false);
    }

    @ApiEndpoint(value = "models.make_public", since = "2.9")
    public Object modelsPublic(CallContext ctx) {
        return change(ctx, MODELS, true);
    }

    @ApiEndpoint(value = "models.make_private", since = "2.9")
    public Object modelsPrivate(CallContext ctx) {
        return change(ctx, MODELS, false);
    }

    @ApiEndpoint(value = "projects.make_public", since = "2.9")
    public Object projectsPublic(CallContext ctx) {
        return change(ctx, PROJECTS, true);
    }

    @ApiEndpoint(value = "projects.make_private", since = "2.9")
    public Object projectsPrivate(CallContext ctx) {
        return change(ctx, PROJECTS, false);
    }

    private Object change(CallContext ctx, Kind kind, boolean toPublic) {
        List<String> requested = Fields.optStringList(ctx.body(), "ids");
        Set<String> ids = new LinkedHashSet<>(requested == null ? List.of() : requested);
        ids.remove(null);
        Set<String> missing = new LinkedHashSet<>(ids);
        for (Document doc : database.getCollection(kind.collection()).find(Filters.in("_id", ids))
                .projection(Projections.include("company", "company_origin"))) {
            boolean eligible = toPublic ? ctx.company().equals(doc.getString("company"))
                    : "".equals(doc.getString("company")) && ctx.company().equals(doc.getString("company_origin"));
            if (eligible) {
                missing.remove(doc.getString("_id"));
            }
        }
        if (!missing.isEmpty()) {
            throw kind.invalidId().toException(Map.of("ids", List.copyOf(missing)));
        }
        int updated = 0;
        for (String id : ids) {
            try {
                commands.sendAndWait(toPublic ? kind.makePublic().apply(id, ctx.audit())
                        : kind.makePrivate().apply(id, ctx.audit()));
                updated++;
            } catch (RuntimeException e) {
                ApiException api = CommandErrors.apiError(e);
                throw api != null ? api : kind.invalidId().toException(Map.of("ids", List.of(Objects.toString(id))));
            }
        }
        return Map.of("updated", updated);
    }
}
