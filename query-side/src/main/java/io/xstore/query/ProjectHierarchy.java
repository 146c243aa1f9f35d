package io.xstore.query;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.xstore.query.engine.Scope;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Loads the project hierarchy a call needs (subproject expansion, stats with children, sub_projects). Project
 * counts per company are small, so the whole visible tree is read at once.
 */
@Component
public class ProjectHierarchy {

    private final MongoDatabase db;

    public ProjectHierarchy(MongoDatabase db) {
        this.db = db;
    }

    public ProjectTree load(Scope scope) {
        List<ProjectNode> nodes = new ArrayList<>();
        db.getCollection(Collections.PROJECTS).find(scope.toFilter())
                .projection(Projections.include("name", "basename", "parent", "path", "system_tags", "company",
                        "user"))
                .forEach(doc -> nodes.add(node(doc)));
        return new ProjectTree(nodes);
    }

    /** The ids plus all their subprojects' ids. */
    public Set<String> withDescendants(Scope scope, Collection<String> ids) {
        return load(scope).withDescendants(ids);
    }

    private static ProjectNode node(Document doc) {
        return new ProjectNode(doc.getString("_id"), doc.getString("name"), doc.getString("basename"),
                emptyToNull(doc.get("parent")), strings(doc.get("path")), strings(doc.get("system_tags")),
                doc.getString("company"), doc.getString("user"));
    }

    private static String emptyToNull(Object value) {
        return value instanceof String s && !s.isEmpty() ? s : null;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> out.add(String.valueOf(item)));
        }
        return out;
    }
}
