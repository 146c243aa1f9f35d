package io.xstore.query.projects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.xstore.protocol.Fields;
import io.xstore.query.ProjectHierarchy;
import io.xstore.query.ReadRequests;
import io.xstore.query.engine.DistinctValues;
import io.xstore.query.engine.EntitySpecs;
import io.xstore.query.engine.FilterBuilder;
import io.xstore.query.engine.Paging;
import io.xstore.query.engine.PythonRegex;
import io.xstore.query.engine.QueryErrors;
import io.xstore.query.engine.ReadModelQuery;
import io.xstore.query.engine.Scope;
import io.xstore.readmodel.Collections;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** projects.get_task_parents and projects.get_user_names: who/what the tasks of some projects refer to. */
@Component
public class ProjectLookups {

    private final MongoDatabase db;
    private final ReadModelQuery query;
    private final ProjectHierarchy hierarchy;

    public ProjectLookups(MongoDatabase db, ReadModelQuery query, ProjectHierarchy hierarchy) {
        this.db = db;
        this.query = query;
        this.hierarchy = hierarchy;
    }

    /** {@code [{id, name, project: {id, name}}]} of the distinct parents of the tasks, sorted by name. */
    public List<Map<String, Object>> taskParents(String company, ObjectNode body) {
        Scope scope = Scope.withPublic(company);
        List<Bson> filter = scopeAndProjects(body, scope);
        String state = Fields.optString(body, "tasks_state");
        if ("archived".equals(state)) {
            filter.add(Filters.eq("system_tags", ReadRequests.ARCHIVED));
        } else if ("active".equals(state)) {
            filter.add(Filters.ne("system_tags", ReadRequests.ARCHIVED));
        } else if (state != null) {
            throw QueryErrors.validation("invalid value", Map.of("field", "tasks_state", "value", state));
        }
        Set<String> parentIds = DistinctValues.of(db.getCollection(Collections.TASKS), "parent",
                FilterBuilder.and(filter));
        parentIds.remove("");
        if (parentIds.isEmpty()) {
            return List.of();
        }
        String name = Fields.optString(body, "task_name");
        Pattern namePattern = name == null || name.isEmpty() ? null : Pattern.compile(PythonRegex.toJava(name));
        List<Map<String, Object>> parents = new ArrayList<>();
        for (Map<String, Object> parent : query.fetchByIds(EntitySpecs.TASK, parentIds,
                List.of("id", "name", "project.name"), scope)) {
            if (namePattern == null || parent.get("name") instanceof String s && namePattern.matcher(s).find()) {
                parents.add(parent);
            }
        }
        // as the get_all this once was on the H2 backend: the first page in natural (id) order, sorted by name
        parents.sort(Comparator.comparing(p -> String.valueOf(p.get("id"))));
        List<Map<String, Object>> page = new ArrayList<>(parents.subList(0, Math.min(parents.size(),
                Paging.MAX_PAGE_SIZE)));
        page.sort(Comparator.comparing(p -> Objects.toString(p.get("name"), "")));
        return page;
    }

    /** {@code [{id, name}]} of the users who created the tasks (or models) of the projects. */
    public List<Map<String, Object>> userNames(String company, ObjectNode body) {
        String entity = Objects.requireNonNullElse(Fields.optString(body, "entity"), "task");
        if (!entity.equals("task") && !entity.equals("model")) {
            throw QueryErrors.validation("invalid value", Map.of("field", "entity", "value", entity));
        }
        Scope scope = Scope.withPublic(company);
        List<Bson> filter = scopeAndProjects(body, scope);
        Set<String> userIds = DistinctValues.of(db.getCollection(
                entity.equals("model") ? Collections.MODELS : Collections.TASKS), "user", FilterBuilder.and(filter));
        List<Map<String, Object>> users = new ArrayList<>();
        if (userIds.isEmpty()) {
            return users;
        }
        db.getCollection(Collections.USERS).find(Filters.in("_id", userIds))
                .projection(Projections.include("name"))
                .forEach(doc -> {
                    Map<String, Object> user = new LinkedHashMap<>();
                    user.put("id", doc.getString("_id"));
                    user.put("name", doc.getString("name"));
                    users.add(user);
                });
        return users;
    }

    /** The scope and the request's {@code projects} (with {@code include_subprojects}), as a list to extend. */
    private List<Bson> scopeAndProjects(ObjectNode body, Scope scope) {
        List<Bson> filter = new ArrayList<>(List.of(scope.toFilter()));
        Bson projects = ProjectConstraints.forLookups(ReadRequests.optIds(body, "projects"),
                Fields.optBool(body, "include_subprojects", true), hierarchy, scope);
        if (projects != null) {
            filter.add(projects);
        }
        return filter;
    }
}
