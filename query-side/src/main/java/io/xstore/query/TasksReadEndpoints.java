package io.xstore.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import io.xstore.query.engine.DistinctValues;
import io.xstore.query.engine.EntitySpecs;
import io.xstore.query.engine.FilterBuilder;
import io.xstore.query.engine.ReadModelQuery;
import io.xstore.query.engine.Scope;
import io.xstore.query.history.AsOfStates;
import io.xstore.query.history.HistoryEntity;
import io.xstore.query.tasks.TaskParameterViews;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Read endpoints of the {@code tasks} service (docs/api/tasks.md). */
@Component
public class TasksReadEndpoints {

    /** Task types the API reports (the internal {@code report} type is left out). */
    static final Set<String> EXTERNAL_TYPES = Set.of("training", "testing", "inference", "data_processing",
            "application", "monitor", "controller", "optimizer", "service", "qc", "custom");

    private final ReadModelQuery query;
    private final ProjectHierarchy hierarchy;
    private final TaskParameterViews parameters;
    private final AsOfStates asOf;

    public TasksReadEndpoints(ReadModelQuery query, ProjectHierarchy hierarchy, TaskParameterViews parameters) {
        this(query, hierarchy, parameters, null);
    }

    @Autowired
    public TasksReadEndpoints(ReadModelQuery query, ProjectHierarchy hierarchy, TaskParameterViews parameters,
                              AsOfStates asOf) {
        this.query = query;
        this.hierarchy = hierarchy;
        this.parameters = parameters;
        this.asOf = asOf;
    }

    @ApiEndpoint("tasks.get_by_id")
    public Object getById(CallContext ctx) {
        String id = Fields.requireString(ctx.body(), "task");
        Scope scope = Scope.withPublic(ctx.company());
        Object task = (AsOfStates.requested(ctx.body())
                ? query.render(pastState(asOf, HistoryEntity.TASK, id, ctx.body()), scope).map(Object.class::cast)
                : query.findWireById(EntitySpecs.TASK, id, scope))
                .orElseThrow(() -> ApiError.INVALID_TASK_ID.toException(Map.of("id", id)));
        return Map.of("task", task);
    }

    /** The entity's document as of the body's {@code as_of} (docs/api/history.md); null before it existed. */
    static Document pastState(AsOfStates states, HistoryEntity entity, String id, ObjectNode body) {
        Instant time = AsOfStates.asOf(body);
        if (states == null) {
            throw ApiError.NOT_SUPPORTED.toException("as_of is not available in this deployment");
        }
        return states.document(entity, id, time);
    }

    @ApiEndpoint("tasks.get_by_id_ex")
    public Object getByIdEx(CallContext ctx) {
        requireIdKey(ctx.body());
        return query.getAll(EntitySpecs.TASK, ctx.body(), Scope.withPublic(ctx.company()), null, true)
                .toResponse("tasks");
    }

    @ApiEndpoint("tasks.get_all")
    public Object getAll(CallContext ctx) {
        Scope scope = Scope.withPublic(ctx.company());
        return query.getAll(EntitySpecs.TASK, prepared(ctx, scope), scope, visibility(ctx), false)
                .toResponse("tasks");
    }

    @ApiEndpoint("tasks.get_all_ex")
    public Object getAllEx(CallContext ctx) {
        Scope scope = ReadRequests.scope(ctx, true);
        return query.getAll(EntitySpecs.TASK, prepared(ctx, scope), scope, visibility(ctx), true)
                .toResponse("tasks");
    }

    @ApiEndpoint("tasks.get_types")
    public Object getTypes(CallContext ctx) {
        Scope scope = Scope.withPublic(ctx.company());
        List<Bson> filter = new ArrayList<>(List.of(scope.toFilter()));
        List<String> projects = ReadRequests.optIds(ctx.body(), "projects");
        if (projects != null) {
            filter.add(Filters.in("project", hierarchy.withDescendants(scope, projects)));
        }
        Set<String> types = new TreeSet<>(DistinctValues.of(query.collection(EntitySpecs.TASK), "type",
                FilterBuilder.and(filter)));
        types.retainAll(EXTERNAL_TYPES);
        return Map.of("types", new ArrayList<>(types));
    }

    @ApiEndpoint("tasks.get_hyper_params")
    public Object getHyperParams(CallContext ctx) {
        List<String> tasks = ReadRequests.requireIds(ctx.body(), "tasks");
        return Map.of("params", parameters.hyperParams(tasks, Scope.withPublic(ctx.company())));
    }

    @ApiEndpoint("tasks.get_configurations")
    public Object getConfigurations(CallContext ctx) {
        List<String> tasks = ReadRequests.requireIds(ctx.body(), "tasks");
        List<String> names = ReadRequests.optIds(ctx.body(), "names");
        return Map.of("configurations", parameters.configurations(tasks, names, Scope.withPublic(ctx.company())));
    }

    @ApiEndpoint("tasks.get_configuration_names")
    public Object getConfigurationNames(CallContext ctx) {
        List<String> tasks = ReadRequests.requireIds(ctx.body(), "tasks");
        boolean skipEmpty = Fields.optBool(ctx.body(), "skip_empty", true);
        return Map.of("configurations",
                parameters.configurationNames(tasks, skipEmpty, Scope.withPublic(ctx.company())));
    }

    private ObjectNode prepared(CallContext ctx, Scope scope) {
        return ReadRequests.withSubprojects(ctx.body(), hierarchy, scope);
    }

    private static Bson visibility(CallContext ctx) {
        return ReadRequests.visibility(ctx.body(), Fields.optBool(ctx.body(), "search_hidden", false), "id");
    }

    static void requireIdKey(ObjectNode body) {
        if (!body.has("id") || body.get("id").isNull()) {
            throw ApiError.MISSING_REQUIRED_FIELDS.toException(Map.of("fields", List.of("id")));
        }
    }
}
