package io.xstore.query.projects;

import com.mongodb.client.model.Filters;
import io.xstore.query.ProjectHierarchy;
import io.xstore.query.engine.Scope;
import org.bson.conversions.Bson;

import java.util.Arrays;
import java.util.Collection;

/** The two ways the project helper endpoints restrict tasks/models to projects. */
final class ProjectConstraints {

    private ProjectConstraints() {
    }

    /**
     * Parameter/metric helpers: no project given means top-level entities only, unless subprojects are included,
     * in which case no restriction applies at all. Returns null for "no restriction".
     */
    static Bson forParameters(Collection<String> projectIds, boolean includeSubprojects, ProjectHierarchy hierarchy,
                              Scope scope) {
        Collection<String> ids = projectIds;
        if (includeSubprojects) {
            if (ids == null || ids.isEmpty()) {
                return null;
            }
            ids = hierarchy.withDescendants(scope, ids);
        }
        if (ids == null) {
            return Filters.in("project", Arrays.asList((Object) null));
        }
        return ids.isEmpty() ? null : Filters.in("project", ids);
    }

    /** Tag/parent/user helpers: the given projects (with subprojects if asked), or all when none is given. */
    static Bson forLookups(Collection<String> projectIds, boolean includeSubprojects, ProjectHierarchy hierarchy,
                           Scope scope) {
        if (projectIds == null || projectIds.isEmpty()) {
            return null;
        }
        Collection<String> ids = includeSubprojects ? hierarchy.withDescendants(scope, projectIds) : projectIds;
        return Filters.in("project", ids);
    }
}
