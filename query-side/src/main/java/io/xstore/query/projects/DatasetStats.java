package io.xstore.query.projects;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.xstore.query.ProjectNode;
import io.xstore.query.ProjectTree;
import io.xstore.query.ReadRequests;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Dataset-related project figures: {@code stats.datasets} for {@code children_type: dataset} (dataset projects below
 * a project, with their tags) and {@code dataset_stats} (file count and size from the latest dataset task's runtime).
 */
@Component
public class DatasetStats {

    static final String DATASET_TAG = "dataset";
    static final String DATASETS_ROOT = ".datasets";

    private final MongoDatabase db;

    public DatasetStats(MongoDatabase db) {
        this.db = db;
    }

    static boolean isDataset(ProjectNode node) {
        return node.hasSystemTag(DATASET_TAG) && !DATASETS_ROOT.equals(node.basename());
    }

    /** {@code {datasets: {count, tags}}} per project, over the project and (optionally) its subprojects. */
    public Map<String, Map<String, Object>> childStats(Collection<String> projectIds, ProjectTree tree,
                                                       boolean withChildren, Map<String, List<Map<String, Object>>>
                                                               childrenOut) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        Map<String, List<ProjectNode>> children = ProjectChildren.of(projectIds, tree, withChildren, true, null);
        childrenOut.putAll(ProjectChildren.asWire(projectIds, children));
        for (String pid : projectIds) {
            Set<String> relevant = new TreeSet<>(List.of(pid));
            children.get(pid).forEach(p -> relevant.add(p.id()));
            int count = 0;
            Set<String> tags = new TreeSet<>();
            for (ProjectNode p : tree.all()) {
                if (p.hasSystemTag(DATASET_TAG) && p.parent() != null && relevant.contains(p.parent())) {
                    count++;
                    tags.addAll(tagsOf(p.id()));
                }
            }
            Map<String, Object> datasets = new LinkedHashMap<>();
            datasets.put("count", count);
            datasets.put("tags", new ArrayList<>(tags));
            out.put(pid, new LinkedHashMap<>(Map.of("datasets", datasets)));
        }
        return out;
    }

    /** {@code dataset_stats} per project: {@code {file_count, total_size}} of its latest task with a runtime. */
    public Map<String, Object> fileStats(String company, String projectId) {
        Document task = db.getCollection(Collections.TASKS)
                .find(Filters.and(Filters.in("company", company, ""), Filters.eq("project", projectId),
                        Filters.ne("system_tags", ReadRequests.ARCHIVED), Filters.exists("runtime")))
                .projection(Projections.include("runtime")).sort(Sorts.descending("last_update")).first();
        if (task == null || !(task.get("runtime") instanceof Map<?, ?> runtime) || runtime.isEmpty()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file_count", runtime.get("ds_file_count") == null ? 0 : runtime.get("ds_file_count"));
        out.put("total_size", runtime.get("ds_total_size") == null ? 0 : runtime.get("ds_total_size"));
        return out;
    }

    private List<String> tagsOf(String projectId) {
        Document doc = db.getCollection(Collections.PROJECTS).find(Filters.eq("_id", projectId))
                .projection(Projections.include("tags")).first();
        List<String> tags = new ArrayList<>();
        if (doc != null && doc.get("tags") instanceof List<?> list) {
            list.forEach(t -> tags.add(String.valueOf(t)));
        }
        return tags;
    }
}
