package io.xstore.query.history;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Current display names of projects for history descriptions ("moved from project A to B"); the id when unknown. */
@Component
public class ProjectNames {

    private final MongoCollection<Document> projects;

    public ProjectNames(MongoDatabase database) {
        this.projects = database.getCollection(Collections.PROJECTS);
    }

    /** A lookup that reads each project once per call. */
    Function<String, String> lookup(String company) {
        Map<String, String> known = new HashMap<>();
        return id -> known.computeIfAbsent(id, key -> {
            Document project = projects.find(Filters.eq("_id", key)).projection(Projections.include("name",
                    "company")).first();
            if (project == null || !(company.equals(project.get("company")) || "".equals(project.get("company")))) {
                return key;
            }
            return "`" + project.getString("name") + "`";
        });
    }
}
