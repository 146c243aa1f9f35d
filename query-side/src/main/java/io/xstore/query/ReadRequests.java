package io.xstore.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import io.xstore.query.engine.JsonValues;
import io.xstore.query.engine.Scope;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Request handling shared by the read endpoints. */
public final class ReadRequests {

    public static final String HIDDEN = "hidden";
    public static final String ARCHIVED = "archived";

    private ReadRequests() {
    }

    /** The caller's scope, public documents included unless {@code allow_public} is false. */
    public static Scope scope(CallContext ctx, boolean allowPublicDefault) {
        return new Scope(ctx.company(), Fields.optBool(ctx.body(), "allow_public", allowPublicDefault));
    }

    /** Excludes documents with the system tag {@code hidden} unless asked for them or ids are given. */
    public static Bson visibility(ObjectNode body, boolean searchHidden, String idField) {
        if (searchHidden || JsonValues.truthy(body.get(idField))) {
            return null;
        }
        return Filters.ne("system_tags", HIDDEN);
    }

    /** With {@code include_subprojects}, replaces the {@code project} filter by the projects and their children. */
    public static ObjectNode withSubprojects(ObjectNode body, ProjectHierarchy hierarchy, Scope scope) {
        ObjectNode copy = body.deepCopy();
        boolean include = Fields.optBool(copy, "include_subprojects", false);
        copy.remove("include_subprojects");
        JsonNode project = copy.get("project");
        if (!include || !JsonValues.truthy(project)) {
            return copy;
        }
        List<String> ids = new ArrayList<>();
        boolean withNull = false;
        for (JsonNode item : JsonValues.items(project)) {
            if (item.isNull()) {
                withNull = true;
            } else {
                ids.add(item.asText());
            }
        }
        ArrayNode expanded = copy.putArray("project");
        hierarchy.withDescendants(scope, ids).forEach(expanded::add);
        if (withNull) {
            expanded.addNull();
        }
        return copy;
    }

    /** A required, non-empty list of ids (string or list of strings). */
    public static List<String> requireIds(ObjectNode body, String field) {
        List<String> ids = Fields.optStringList(body, field);
        if (ids == null || ids.isEmpty() || ids.contains(null)) {
            throw ApiError.VALIDATION_ERROR.toException("a non-empty list of ids is required", Map.of("field", field));
        }
        return new ArrayList<>(new LinkedHashSet<>(ids));
    }

    /** An optional list of ids; null when absent or empty. */
    public static List<String> optIds(ObjectNode body, String field) {
        List<String> ids = Fields.optStringList(body, field);
        if (ids == null) {
            return null;
        }
        Set<String> unique = new LinkedHashSet<>(ids);
        unique.remove(null);
        return unique.isEmpty() ? null : new ArrayList<>(unique);
    }
}
