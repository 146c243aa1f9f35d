package io.xstore.query.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import io.xstore.query.ProjectHierarchy;
import io.xstore.query.ReadRequests;
import io.xstore.query.engine.DistinctValues;
import io.xstore.query.engine.EntitySpecs;
import io.xstore.query.engine.ReadModelQuery;
import io.xstore.query.engine.Scope;
import io.xstore.query.events.EventsReadEndpoints;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The read endpoints of the ClearML {@code reports} service (docs/api/reports.md): reports are tasks of type
 * {@code report}, so these read the {@code tasks} read model; get_task_data reads the tasks a report shows and, when
 * asked, their plots, debug images and scalars through the events read side.
 */
@Component
public class ReportsReadEndpoints {

    static final String REPORTS_PROJECT = ".reports";

    private final ReadModelQuery query;
    private final ProjectHierarchy hierarchy;
    private final EventsReadEndpoints events;
    private final MongoCollection<Document> projects;

    public ReportsReadEndpoints(ReadModelQuery query, ProjectHierarchy hierarchy, EventsReadEndpoints events,
                                MongoDatabase database) {
        this.query = query;
        this.hierarchy = hierarchy;
        this.events = events;
        this.projects = database.getCollection(Collections.PROJECTS);
    }

    /**
     * The company's (and, by default, public) reports. A {@code project} filter means the {@code .reports} projects
     * of those projects (or those projects when they are {@code .reports} projects themselves); hidden reports are
     * always included, as every report is hidden.
     */
    @ApiEndpoint(value = "reports.get_all_ex", since = "2.23")
    public Object getAllEx(CallContext ctx) {
        ObjectNode body = ctx.body().deepCopy();
        body.set("type", JsonNodeFactory.instance.arrayNode().add("report"));
        Scope scope = ReadRequests.scope(ctx, true);
        List<String> asked = ReadRequests.optIds(body, "project");
        if (asked != null) {
            List<String> reportProjects = reportProjects(asked, scope);
            if (reportProjects.isEmpty()) {
                return Map.of("tasks", List.of());
            }
            ArrayNode ids = body.putArray("project");
            reportProjects.forEach(ids::add);
        }
        return query.getAll(EntitySpecs.TASK, ReadRequests.withSubprojects(body, hierarchy, scope), scope, null, true)
                .toResponse("tasks");
    }

    @ApiEndpoint(value = "reports.get_tags", since = "2.23")
    public Object getTags(CallContext ctx) {
        TreeSet<String> tags = new TreeSet<>(DistinctValues.of(query.collection(EntitySpecs.TASK), "tags",
                Filters.and(Filters.eq("company", ctx.company()), Filters.eq("type", "report"))));
        return Map.of("tags", new ArrayList<>(tags));
    }

    /**
     * The tasks matching the body (as tasks.get_all_ex), and for the blocks asked ({@code plots},
     * {@code debug_images}, {@code scalar_metrics_iter_histogram}, {@code single_value_metrics}) the same data the
     * events service gives for those tasks.
     */
    @ApiEndpoint(value = "reports.get_task_data", since = "2.23")
    @SuppressWarnings("unchecked")
    public Object getTaskData(CallContext ctx) {
        ObjectNode body = ctx.body().deepCopy();
        JsonNode plots = take(body, "plots");
        JsonNode images = take(body, "debug_images");
        JsonNode scalars = take(body, "scalar_metrics_iter_histogram");
        JsonNode singleValues = take(body, "single_value_metrics");
        body.remove("model_events");
        Scope scope = ReadRequests.scope(ctx, true);
        Map<String, Object> response = new LinkedHashMap<>((Map<String, Object>) query.getAll(EntitySpecs.TASK,
                ReadRequests.withSubprojects(body, hierarchy, scope), scope,
                ReadRequests.visibility(body, Fields.optBool(body, "search_hidden", false), "id"), true)
                .toResponse("tasks"));
        List<String> ids = new ArrayList<>();
        for (Object task : (List<Object>) response.get("tasks")) {
            if (task instanceof Map<?, ?> doc && doc.get("id") != null) {
                ids.add(String.valueOf(doc.get("id")));
            }
        }
        if (ids.isEmpty()) {
            return response;
        }
        if (plots != null) {
            Object answer = events.getMultiTaskPlots(ctx.withBody(withTasks(plots, ids)));
            response.put("plots", ((Map<String, Object>) answer).get("plots"));
        }
        if (images != null) {
            Object answer = events.debugImages(ctx.withBody(imageRequest(images, ids)));
            response.put("debug_images", ((Map<String, Object>) answer).get("metrics"));
        }
        if (scalars != null) {
            response.put("scalar_metrics_iter_histogram",
                    events.multiTaskScalarMetricsIterHistogram(ctx.withBody(withTasks(scalars, ids))));
        }
        if (singleValues != null) {
            response.put("single_value_metrics",
                    events.getTaskSingleValueMetrics(ctx.withBody(withTasks(singleValues, ids))));
        }
        return response;
    }

    private List<String> reportProjects(List<String> asked, Scope scope) {
        List<String> ids = new ArrayList<>();
        for (Document project : projects.find(Filters.and(scope.toFilter(), Filters.eq("basename", REPORTS_PROJECT),
                Filters.or(Filters.in("_id", asked), Filters.in("parent", asked))))
                .projection(Projections.include("_id"))) {
            ids.add(project.getString("_id"));
        }
        return ids;
    }

    private static JsonNode take(ObjectNode body, String field) {
        JsonNode node = body.remove(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw Fields.wrongType(field, "an object");
        }
        return node;
    }

    private static ObjectNode withTasks(JsonNode block, List<String> ids) {
        ObjectNode request = ((ObjectNode) block).deepCopy();
        ArrayNode tasks = request.putArray("tasks");
        ids.forEach(tasks::add);
        return request;
    }

    /** events.debug_images wants one {task, metric} entry per task and metric. */
    private static ObjectNode imageRequest(JsonNode block, List<String> ids) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        if (block.has("iters")) {
            request.set("iters", block.get("iters"));
        }
        ArrayNode metrics = request.putArray("metrics");
        JsonNode asked = block.path("metrics");
        for (String id : ids) {
            if (!asked.isArray() || asked.isEmpty()) {
                metrics.addObject().put("task", id);
                continue;
            }
            for (JsonNode metric : asked) {
                ObjectNode entry = metrics.addObject().put("task", id);
                if (metric.hasNonNull("metric")) {
                    entry.set("metric", metric.get("metric"));
                }
            }
        }
        return request;
    }
}
