package io.xstore.query.projects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.xstore.protocol.Fields;
import io.xstore.query.ProjectHierarchy;
import io.xstore.query.ReadRequests;
import io.xstore.query.engine.DistinctValues;
import io.xstore.query.engine.FilterBuilder;
import io.xstore.query.engine.JsonValues;
import io.xstore.query.engine.Scope;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * projects.get_task_tags / get_model_tags / get_project_tags: the distinct tags (and system tags on request) of the
 * caller's company's entities, optionally in given projects (with subprojects) and matching a tags filter.
 */
@Component
public class TagQueries {

    private final MongoDatabase db;
    private final ProjectHierarchy hierarchy;

    public TagQueries(MongoDatabase db, ProjectHierarchy hierarchy) {
        this.db = db;
        this.hierarchy = hierarchy;
    }

    /** Task or model tags: {@code system_tags} only present when {@code include_system}. */
    public Map<String, Object> entityTags(String collection, String company, ObjectNode body) {
        Scope scope = Scope.companyOnly(company);
        List<Bson> filter = baseFilter(scope, body);
        List<String> projects = ReadRequests.optIds(body, "projects");
        if (projects != null) {
            filter.add(Filters.in("project", hierarchy.withDescendants(scope, projects)));
        }
        return tags(db.getCollection(collection), FilterBuilder.and(filter),
                Fields.optBool(body, "include_system", false), false);
    }

    /** Project tags: {@code system_tags} always present (empty unless {@code include_system}). */
    public Map<String, Object> projectTags(String company, ObjectNode body) {
        Scope scope = Scope.companyOnly(company);
        List<Bson> filter = baseFilter(scope, body);
        List<String> projects = ReadRequests.optIds(body, "projects");
        if (projects != null) {
            filter.add(Filters.in("_id", hierarchy.withDescendants(scope, projects)));
        }
        return tags(db.getCollection(Collections.PROJECTS), FilterBuilder.and(filter),
                Fields.optBool(body, "include_system", false), true);
    }

    private static List<Bson> baseFilter(Scope scope, ObjectNode body) {
        List<Bson> filter = new ArrayList<>(List.of(scope.toFilter()));
        ObjectNode tagFilter = Fields.optObject(body, "filter");
        if (tagFilter != null) {
            for (String field : List.of("tags", "system_tags")) {
                JsonNode values = tagFilter.get(field);
                if (JsonValues.truthy(values)) {
                    filter.add(FilterBuilder.fieldFilter(field, values));
                }
            }
        }
        return filter;
    }

    private static Map<String, Object> tags(MongoCollection<Document> collection, Bson filter, boolean includeSystem,
                                            boolean alwaysSystem) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tags", new ArrayList<>(new TreeSet<>(DistinctValues.of(collection, "tags", filter))));
        if (includeSystem) {
            out.put("system_tags", new ArrayList<>(new TreeSet<>(DistinctValues.of(collection, "system_tags", filter))));
        } else if (alwaysSystem) {
            out.put("system_tags", List.of());
        }
        return out;
    }
}
