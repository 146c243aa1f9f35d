package io.xstore.query;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import io.xstore.query.engine.DistinctValues;
import io.xstore.query.engine.EntitySpecs;
import io.xstore.query.engine.FilterBuilder;
import io.xstore.query.engine.QueryResult;
import io.xstore.query.engine.ReadModelQuery;
import io.xstore.query.engine.Scope;
import io.xstore.query.history.AsOfStates;
import io.xstore.query.history.HistoryEntity;
import io.xstore.readmodel.OwnedDocuments;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Read endpoints of the {@code models} service (docs/api/models.md). */
@Component
public class ModelsReadEndpoints {

    private final ReadModelQuery query;
    private final ProjectHierarchy hierarchy;
    private final AsOfStates asOf;

    public ModelsReadEndpoints(ReadModelQuery query, ProjectHierarchy hierarchy) {
        this(query, hierarchy, null);
    }

    @Autowired
    public ModelsReadEndpoints(ReadModelQuery query, ProjectHierarchy hierarchy, AsOfStates asOf) {
        this.query = query;
        this.hierarchy = hierarchy;
        this.asOf = asOf;
    }

    /** Like the reference, the body's only_fields and filters also apply here. */
    @ApiEndpoint("models.get_by_id")
    public Object getById(CallContext ctx) {
        String id = Fields.requireString(ctx.body(), "model");
        List<Map<String, Object>> models = AsOfStates.requested(ctx.body())
                ? query.getById(EntitySpecs.MODEL, AsOfStates.withoutAsOf(ctx.body()), Scope.withPublic(ctx.company()),
                TasksReadEndpoints.pastState(asOf, HistoryEntity.MODEL, id, ctx.body()))
                : query.getById(EntitySpecs.MODEL, ctx.body(), Scope.withPublic(ctx.company()), id);
        if (models.isEmpty()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", id);
            data.put("company", ctx.company());
            throw ApiError.INVALID_MODEL_ID.toException("no such public or company model", data);
        }
        return Map.of("model", models.get(0));
    }

    @ApiEndpoint("models.get_by_id_ex")
    public Object getByIdEx(CallContext ctx) {
        TasksReadEndpoints.requireIdKey(ctx.body());
        return query.getAll(EntitySpecs.MODEL, ctx.body(), Scope.withPublic(ctx.company()), null, true)
                .toResponse("models");
    }

    @ApiEndpoint("models.get_all")
    public Object getAll(CallContext ctx) {
        Scope scope = Scope.withPublic(ctx.company());
        return query.getAll(EntitySpecs.MODEL, ReadRequests.withSubprojects(ctx.body(), hierarchy, scope), scope,
                null, false).toResponse("models");
    }

    @ApiEndpoint("models.get_all_ex")
    public Object getAllEx(CallContext ctx) {
        Scope scope = ReadRequests.scope(ctx, true);
        QueryResult result = query.getAll(EntitySpecs.MODEL,
                ReadRequests.withSubprojects(ctx.body(), hierarchy, scope), scope, null, true);
        if (Fields.optBool(ctx.body(), "include_stats", false)) {
            addStats(result.items(), ctx.company());
        }
        return result.toResponse("models");
    }

    @ApiEndpoint("models.get_frameworks")
    public Object getFrameworks(CallContext ctx) {
        Scope scope = Scope.withPublic(ctx.company());
        List<Bson> filter = new ArrayList<>(List.of(scope.toFilter()));
        List<String> projects = ReadRequests.optIds(ctx.body(), "projects");
        if (projects != null) {
            filter.add(Filters.in("project", hierarchy.withDescendants(scope, projects)));
        }
        Set<String> frameworks = new TreeSet<>(DistinctValues.of(query.collection(EntitySpecs.MODEL), "framework",
                FilterBuilder.and(filter)));
        frameworks.remove("");
        return Map.of("frameworks", new ArrayList<>(frameworks));
    }

    /** {@code stats: {labels_count}} per model, counted from the stored labels. */
    private void addStats(List<Map<String, Object>> models, String company) {
        List<String> ids = models.stream().map(m -> String.valueOf(m.get("id"))).toList();
        if (ids.isEmpty()) {
            return;
        }
        Map<String, Integer> counts = new HashMap<>();
        OwnedDocuments.byIds(query.collection(EntitySpecs.MODEL), ids, Scope.withPublic(company).ownership(),
                        Projections.include("labels"))
                .forEach(doc -> counts.put(doc.getString("_id"),
                        doc.get("labels") instanceof Map<?, ?> labels ? labels.size() : 0));
        for (Map<String, Object> model : models) {
            Integer count = counts.get(String.valueOf(model.get("id")));
            Map<String, Object> stats = null;
            if (count != null) {
                stats = new LinkedHashMap<>();
                stats.put("labels_count", count);
            }
            model.put("stats", stats);
        }
    }
}
