package io.xstore.query.user;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.MongoKeys;
import io.xstore.readmodel.OwnedDocuments;
import io.xstore.readmodel.Ownership;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The reading endpoints of the ClearML {@code users} service. */
@Component
public class UsersReadEndpoints {

    private static final int MAX_PAGE_SIZE = 500;

    private final MongoCollection<Document> users;
    private final MongoCollection<Document> projects;
    private final MongoCollection<Document> tasks;
    private final MongoCollection<Document> models;

    public UsersReadEndpoints(MongoDatabase database) {
        this.users = database.getCollection(Collections.USERS);
        this.projects = database.getCollection(Collections.PROJECTS);
        this.tasks = database.getCollection(Collections.TASKS);
        this.models = database.getCollection(Collections.MODELS);
    }

    @ApiEndpoint("users.get_current_user")
    public Object getCurrentUser(CallContext ctx) {
        Document user = users.find(Filters.eq("_id", ctx.caller().userId())).first();
        Map<String, Object> out = user == null ? fallback(ctx) : toWire(user);
        out.put("company", Map.of("id", ctx.company(), "name", nullToEmpty(ctx.caller().companyName())));
        out.put("role", ctx.caller().role());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user", out);
        data.put("getting_started", Map.of("agentName", "clearml", "configure", "clearml-init",
                "install", "pip install clearml", "packageName", "clearml"));
        data.put("settings", Map.of("max_download_items", 50000));
        return data;
    }

    @ApiEndpoint("users.get_by_id")
    public Object getById(CallContext ctx) {
        String id = Fields.requireString(ctx.body(), "user");
        Document user = OwnedDocuments.byId(users, id, Ownership.company(ctx.company()));
        if (user == null) {
            throw ApiError.INVALID_USER_ID.toException(Map.of("id", id));
        }
        return Map.of("user", toWire(user));
    }

    @ApiEndpoint("users.get_all")
    public Object getAll(CallContext ctx) {
        return Map.of("users", find(ctx, false));
    }

    /** As get_all; {@code active_in_projects} keeps only users active there (docs/api/behaviour-rules.md §8). */
    @ApiEndpoint("users.get_all_ex")
    public Object getAllEx(CallContext ctx) {
        return Map.of("users", find(ctx, true));
    }

    @ApiEndpoint("users.get_preferences")
    public Object getPreferences(CallContext ctx) {
        Document user = users.find(Filters.eq("_id", ctx.caller().userId())).first();
        Object preferences = user == null ? null : user.get("preferences");
        return Map.of("preferences", preferences instanceof Document doc ? MongoKeys.fromMongo(doc) : Map.of());
    }

    private List<Map<String, Object>> find(CallContext ctx, boolean extended) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("company", ctx.company()));
        List<String> ids = Fields.optStringList(ctx.body(), "id");
        if (ids != null) {
            filters.add(Filters.in("_id", ids));
        }
        List<String> activeIn = Fields.optStringList(ctx.body(), "active_in_projects");
        if (activeIn != null && extended) {
            filters.add(Filters.in("_id", activeUsers(ctx.company(), activeIn)));
        }
        String name = Fields.optString(ctx.body(), "name");
        if (name != null) {
            try {
                filters.add(Filters.regex("name", Pattern.compile(name)));
            } catch (PatternSyntaxException e) {
                throw ApiError.INVALID_REGEX_ERROR.toException(Map.of("pattern", name));
            }
        }
        Integer page = Fields.optInt(ctx.body(), "page");
        Integer pageSize = Fields.optInt(ctx.body(), "page_size");
        int size = pageSize == null ? MAX_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
        int skip = (page == null ? 0 : page) * size;
        if (size < 1 || skip < 0) {
            throw ApiError.VALIDATION_ERROR.toException("page must be >= 0 and page_size >= 1");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        users.find(Filters.and(filters)).sort(Sorts.ascending("name", "_id")).skip(skip).limit(size)
                .forEach(doc -> out.add(toWire(doc)));
        return out;
    }

    /**
     * Users who created one of the projects (or a project below one) or a task or model in them; an empty list means
     * every project of the company.
     */
    private Set<String> activeUsers(String company, List<String> projectIds) {
        Bson ofCompany = Filters.eq("company", company);
        Bson inProjects = ofCompany;
        Bson projectFilter = ofCompany;
        if (!projectIds.isEmpty()) {
            Set<String> subtree = new HashSet<>(projectIds);
            projects.find(Filters.and(ofCompany, Filters.in("path", projectIds))).projection(Projections.include("_id"))
                    .forEach(p -> subtree.add(String.valueOf(p.get("_id"))));
            projectFilter = Filters.and(ofCompany, Filters.in("_id", subtree));
            inProjects = Filters.and(ofCompany, Filters.in("project", subtree));
        }
        Set<String> active = new HashSet<>();
        collectUsers(projects, projectFilter, active);
        collectUsers(tasks, inProjects, active);
        collectUsers(models, inProjects, active);
        return active;
    }

    private static void collectUsers(MongoCollection<Document> collection, Bson filter, Set<String> into) {
        collection.find(filter).projection(Projections.include("user"))
                .forEach(doc -> {
                    if (doc.get("user") instanceof String user) {
                        into.add(user);
                    }
                });
    }

    private static Map<String, Object> toWire(Document user) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", user.getString("_id"));
        for (String field : List.of("name", "given_name", "family_name", "avatar", "email", "role", "created")) {
            Object value = user.get(field);
            if (value != null) {
                out.put(field, value);
            }
        }
        out.put("company", user.getString("company"));
        return out;
    }

    private static Map<String, Object> fallback(CallContext ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", ctx.caller().userId());
        out.put("name", ctx.caller().userName());
        return out;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
