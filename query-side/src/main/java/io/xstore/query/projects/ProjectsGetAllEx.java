package io.xstore.query.projects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import io.xstore.query.ProjectHierarchy;
import io.xstore.query.ProjectTree;
import io.xstore.query.ReadRequests;
import io.xstore.query.engine.EntitySpecs;
import io.xstore.query.engine.FilterBuilder;
import io.xstore.query.engine.QueryResult;
import io.xstore.query.engine.ReadModelQuery;
import io.xstore.query.engine.Scope;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * projects.get_all_ex, the UI's project list: the get_all filters in join mode, plus on request the task
 * {@code stats} with {@code sub_projects}, {@code own_tasks}/{@code own_models}, {@code hidden}, dataset figures,
 * and the {@code active_users}/{@code children_type} selection.
 */
@Component
public class ProjectsGetAllEx {

    private final ReadModelQuery query;
    private final ProjectHierarchy hierarchy;
    private final ProjectStatsCalculator stats;
    private final ProjectContents contents;
    private final ProjectSelection selection;
    private final DatasetStats datasets;

    public ProjectsGetAllEx(ReadModelQuery query, ProjectHierarchy hierarchy, ProjectStatsCalculator stats,
                            ProjectContents contents, ProjectSelection selection, DatasetStats datasets) {
        this.query = query;
        this.hierarchy = hierarchy;
        this.stats = stats;
        this.contents = contents;
        this.selection = selection;
        this.datasets = datasets;
    }

    public Map<String, Object> run(CallContext ctx) {
        ObjectNode request = ctx.body();
        Scope scope = new Scope(ctx.company(), allowPublic(request));
        List<String> requestedIds = ReadRequests.optIds(request, "id");
        boolean searchHidden = Fields.optBool(request, "search_hidden", false);
        StatsOptions options = StatsOptions.from(request);
        ObjectNode body = ProjectSearch.adjust(request, Fields.optBool(request, "shallow_search", false));
        List<String> activeUsers = ReadRequests.optIds(request, "active_users");
        ProjectTree tree = hierarchy.load(scope);

        Set<String> selected = null;
        if (activeUsers != null || options.childrenType() != null) {
            ProjectSelection.Selection picked = selection.select(scope, tree, activeUsers, requestedIds,
                    options.childrenType(), request.get("children_tags"), request.get("children_tags_filter"));
            if (picked.ids().isEmpty()) {
                return Map.of("projects", List.of());
            }
            ArrayNode ids = body.putArray("id");
            picked.ids().forEach(ids::add);
            selected = picked.selected();
        }
        boolean dropSystemTags = searchHidden && addSystemTagsToProjection(body);

        QueryResult result = query.getAll(EntitySpecs.PROJECT, body, scope,
                ReadRequests.visibility(request, searchHidden, "id"), true);
        List<Map<String, Object>> projects = result.items();
        if (projects.isEmpty()) {
            return result.toResponse("projects");
        }
        if (searchHidden) {
            markHidden(projects, dropSystemTags);
        }
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(projects.stream()
                .map(p -> String.valueOf(p.get("id"))).toList()));
        boolean dataset = "dataset".equals(options.childrenType());

        if (Fields.optBool(request, "check_own_contents", false)) {
            Map<String, Map<String, Object>> own = dataset ? contents.ownDatasets(ids, tree)
                    : contents.ownTasksAndModels(ctx.company(), ids,
                    and(options.taskBsonForState(), activeUsers));
            projects.forEach(p -> p.putAll(own.getOrDefault(String.valueOf(p.get("id")), Map.of())));
        }
        if (Fields.optBool(request, "include_stats", false)) {
            boolean withChildren = Fields.optBool(request, "stats_with_children", true);
            Map<String, Map<String, Object>> projectStats;
            Map<String, List<Map<String, Object>>> children = new LinkedHashMap<>();
            if (dataset) {
                projectStats = datasets.childStats(ids, tree, withChildren, children);
            } else {
                ProjectStatsCalculator.Result computed = stats.compute(new ProjectStatsCalculator.Request(
                        ctx.company(), ids, options.state(), withChildren, options.searchHidden(),
                        options.taskBson(), activeUsers, selected), tree);
                projectStats = computed.stats();
                children = computed.children();
            }
            for (Map<String, Object> p : projects) {
                String id = String.valueOf(p.get("id"));
                p.put("stats", projectStats.get(id));
                p.put("sub_projects", children.getOrDefault(id, List.of()));
            }
        }
        if (Fields.optBool(request, "include_dataset_stats", false)) {
            projects.forEach(p -> p.put("dataset_stats", datasets.fileStats(ctx.company(),
                    String.valueOf(p.get("id")))));
        }
        return result.toResponse("projects");
    }

    private static boolean allowPublic(ObjectNode body) {
        if (body.has("allow_public")) {
            return Fields.optBool(body, "allow_public", true);
        }
        if (body.has("non_public")) {
            return !Fields.optBool(body, "non_public", false);
        }
        return true;
    }

    /** With search_hidden the hidden flag needs system_tags; add it to an explicit projection and drop it later. */
    private static boolean addSystemTagsToProjection(ObjectNode body) {
        String key = body.has("projection") && body.get("projection").isArray() ? "projection" : "only_fields";
        JsonNode fields = body.get(key);
        if (fields == null || !fields.isArray() || fields.isEmpty()) {
            return false;
        }
        for (JsonNode f : fields) {
            if ("system_tags".equals(f.asText())) {
                return false;
            }
        }
        ((ArrayNode) fields).add("system_tags");
        return true;
    }

    private static void markHidden(List<Map<String, Object>> projects, boolean dropSystemTags) {
        for (Map<String, Object> p : projects) {
            Object tags = dropSystemTags ? p.remove("system_tags") : p.get("system_tags");
            if (tags instanceof List<?> list && list.contains(ReadRequests.HIDDEN)) {
                p.put("hidden", true);
            }
        }
    }

    private static Bson and(Bson filter, List<String> users) {
        return users == null ? filter : FilterBuilder.and(List.of(filter, Filters.in("user", users)));
    }
}
