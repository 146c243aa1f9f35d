package io.xstore.query.projects;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.xstore.query.ProjectTree;
import io.xstore.query.engine.DistinctValues;
import io.xstore.query.engine.FilterBuilder;
import io.xstore.query.engine.Scope;
import io.xstore.readmodel.Collections;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code active_users} / {@code children_type} of projects.get_all_ex: the projects holding something the given
 * users created (projects, tasks, models) or holding children of the given type (dataset or pipeline projects,
 * report tasks), plus all their ancestors.
 */
@Component
public class ProjectSelection {

    static final String PIPELINE_TAG = "pipeline";
    static final String PIPELINES_ROOT = ".pipelines";
    static final String REPORTS_TAG = "reports";

    private final MongoDatabase db;

    public ProjectSelection(MongoDatabase db) {
        this.db = db;
    }

    /** The project ids to return (restricted to {@code requestedIds}) and all selected ids (with ancestors). */
    public record Selection(List<String> ids, Set<String> selected) {
    }

    public Selection select(Scope scope, ProjectTree tree, Collection<String> users, Collection<String> requestedIds,
                            String childrenType, JsonNode childrenTags, JsonNode childrenTagsFilter) {
        List<Bson> base = new ArrayList<>(List.of(scope.toFilter()));
        if (users != null) {
            base.add(Filters.in("user", users));
        }
        List<Bson> child = new ArrayList<>(base);
        if (childrenTagsFilter != null && !childrenTagsFilter.isNull() && !childrenTagsFilter.isEmpty()) {
            child.add(FilterBuilder.fieldFilter("tags", childrenTagsFilter));
        } else if (childrenTags != null && !childrenTags.isNull() && !childrenTags.isEmpty()) {
            child.add(FilterBuilder.fieldFilter("tags", childrenTags));
        }
        Set<String> within = requestedIds == null ? null : tree.withDescendants(requestedIds);
        Set<String> found = new LinkedHashSet<>();
        if ("dataset".equals(childrenType) || "pipeline".equals(childrenType)) {
            boolean dataset = "dataset".equals(childrenType);
            child.add(Filters.eq("system_tags", dataset ? DatasetStats.DATASET_TAG : PIPELINE_TAG));
            child.add(Filters.ne("basename", dataset ? DatasetStats.DATASETS_ROOT : PIPELINES_ROOT));
            if (within != null) {
                child.add(Filters.in("parent", within));
            }
            found.addAll(DistinctValues.of(db.getCollection(Collections.PROJECTS), "_id", FilterBuilder.and(child)));
        } else if ("report".equals(childrenType)) {
            child.add(Filters.eq("system_tags", REPORTS_TAG));
            found.addAll(distinctProjects(Collections.TASKS, child, within));
        } else {
            List<Bson> projects = new ArrayList<>(base);
            if (within != null) {
                projects.add(Filters.in("_id", within));
            }
            found.addAll(DistinctValues.of(db.getCollection(Collections.PROJECTS), "_id", FilterBuilder.and(projects)));
            found.addAll(distinctProjects(Collections.TASKS, base, within));
            found.addAll(distinctProjects(Collections.MODELS, base, within));
        }
        found.remove("");
        if (found.isEmpty()) {
            return new Selection(List.of(), Set.of());
        }
        Set<String> selected = tree.withAncestors(found);
        List<String> ids = new ArrayList<>(selected);
        if (requestedIds != null) {
            ids.retainAll(requestedIds);
        }
        return new Selection(ids, selected);
    }

    private Set<String> distinctProjects(String collection, List<Bson> conditions, Set<String> within) {
        List<Bson> all = new ArrayList<>(conditions);
        if (within != null) {
            all.add(Filters.in("project", within));
        }
        return DistinctValues.of(db.getCollection(collection), "project", FilterBuilder.and(all));
    }
}
