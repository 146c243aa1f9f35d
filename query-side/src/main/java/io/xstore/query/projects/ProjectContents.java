package io.xstore.query.projects;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.xstore.query.ProjectTree;
import io.xstore.query.engine.FilterBuilder;
import io.xstore.readmodel.Collections;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code check_own_contents}: how many tasks and models (or dataset projects) sit directly in each project. */
@Component
public class ProjectContents {

    private final MongoDatabase db;

    public ProjectContents(MongoDatabase db) {
        this.db = db;
    }

    /** {@code {own_tasks, own_models}} per project; {@code filter} already holds state, users and stats filters. */
    public Map<String, Map<String, Object>> ownTasksAndModels(String company, Collection<String> projectIds,
                                                              Bson filter) {
        Map<String, Integer> tasks = countByProject(Collections.TASKS, company, projectIds, filter);
        Map<String, Integer> models = countByProject(Collections.MODELS, company, projectIds, filter);
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String pid : projectIds) {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("own_tasks", tasks.getOrDefault(pid, 0));
            counts.put("own_models", models.getOrDefault(pid, 0));
            out.put(pid, counts);
        }
        return out;
    }

    /** {@code {own_datasets}}: dataset projects directly below each project. */
    public Map<String, Map<String, Object>> ownDatasets(Collection<String> projectIds, ProjectTree tree) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String pid : projectIds) {
            long count = tree.all().stream().filter(p -> pid.equals(p.parent()) && DatasetStats.isDataset(p)).count();
            out.put(pid, new LinkedHashMap<>(Map.of("own_datasets", (int) count)));
        }
        return out;
    }

    private Map<String, Integer> countByProject(String collection, String company, Collection<String> projectIds,
                                                Bson filter) {
        Map<String, Integer> counts = new HashMap<>();
        List<Bson> all = new ArrayList<>(List.of(Filters.in("company", company, ""),
                Filters.in("project", projectIds), filter));
        db.getCollection(collection).find(FilterBuilder.and(all)).projection(Projections.include("project"))
                .forEach(doc -> counts.merge(Objects.toString(doc.get("project"), ""), 1, Integer::sum));
        return counts;
    }
}
