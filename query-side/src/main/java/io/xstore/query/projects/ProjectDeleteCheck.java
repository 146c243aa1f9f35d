package io.xstore.query.projects;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.xstore.protocol.ApiError;
import io.xstore.query.ProjectHierarchy;
import io.xstore.query.ProjectNode;
import io.xstore.query.ProjectTree;
import io.xstore.query.ReadRequests;
import io.xstore.query.engine.DistinctValues;
import io.xstore.query.engine.Scope;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * projects.validate_delete: what deleting a project (with its subprojects) would affect — pipelines with an active
 * controller, datasets with versions, and the tasks, models and reports in the other projects, all and non-archived.
 */
@Component
public class ProjectDeleteCheck {

    private final MongoDatabase db;
    private final ProjectHierarchy hierarchy;

    public ProjectDeleteCheck(MongoDatabase db, ProjectHierarchy hierarchy) {
        this.db = db;
        this.hierarchy = hierarchy;
    }

    public Map<String, Object> check(String company, String projectId) {
        Scope scope = Scope.withPublic(company);
        ProjectTree tree = hierarchy.load(scope);
        ProjectNode project = tree.get(projectId);
        if (project == null) {
            throw ApiError.INVALID_PROJECT_ID.toException(Map.of("id", projectId));
        }
        if (project.company() == null || project.company().isEmpty()) {
            throw ApiError.NO_WRITE_PERMISSION.toException("cannot modify public project(s), ids=(" + projectId + ",)");
        }
        Set<String> ids = tree.withDescendants(List.of(projectId));
        Set<String> pipelines = ids.stream().map(tree::get)
                .filter(p -> p != null && p.hasSystemTag(ProjectSelection.PIPELINE_TAG)
                        && !ProjectSelection.PIPELINES_ROOT.equals(p.basename()))
                .map(ProjectNode::id).collect(Collectors.toSet());
        Set<String> datasets = ids.stream().map(tree::get)
                .filter(p -> p != null && DatasetStats.isDataset(p)).map(ProjectNode::id).collect(Collectors.toSet());
        MongoCollection<Document> tasks = db.getCollection(Collections.TASKS);
        MongoCollection<Document> models = db.getCollection(Collections.MODELS);
        Bson notArchived = Filters.ne("system_tags", ReadRequests.ARCHIVED);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pipelines", pipelines.isEmpty() ? 0 : DistinctValues.of(tasks, "project", Filters.and(
                Filters.in("project", pipelines), Filters.eq("type", "controller"), notArchived)).size());
        out.put("datasets", datasets.isEmpty() ? 0 : DistinctValues.of(tasks, "project", Filters.and(
                Filters.in("project", datasets), notArchived)).size());
        Set<String> rest = ids.stream().filter(id -> !pipelines.contains(id) && !datasets.contains(id))
                .collect(Collectors.toSet());
        Bson inRest = Filters.in("project", rest);
        Bson noReports = Filters.ne("system_tags", ProjectSelection.REPORTS_TAG);
        Bson reports = Filters.eq("system_tags", ProjectSelection.REPORTS_TAG);
        out.put("tasks", count(tasks, rest, Filters.and(inRest, noReports)));
        out.put("non_archived_tasks", count(tasks, rest, Filters.and(inRest, noReports, notArchived)));
        out.put("models", count(models, rest, inRest));
        out.put("non_archived_models", count(models, rest, Filters.and(inRest, notArchived)));
        out.put("reports", count(tasks, rest, Filters.and(inRest, reports)));
        out.put("non_archived_reports", count(tasks, rest, Filters.and(inRest, reports, notArchived)));
        return out;
    }

    private static int count(MongoCollection<Document> collection, Set<String> projects, Bson filter) {
        return projects.isEmpty() ? 0 : (int) collection.countDocuments(filter);
    }
}
