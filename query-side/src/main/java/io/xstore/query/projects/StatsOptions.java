package io.xstore.query.projects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.protocol.Fields;
import io.xstore.query.ReadRequests;
import io.xstore.query.engine.FilterBuilder;
import io.xstore.query.engine.QueryErrors;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statistics options of projects.get_all_ex: which state to report, which children type, and the filter applied
 * to the counted tasks ({@code include_stats_filter}, or the one implied by {@code children_type}).
 */
record StatsOptions(String state, String childrenType, ObjectNode taskFilter, boolean searchHidden) {

    private static final Set<String> STATES = Set.of("active", "archived");
    private static final Set<String> CHILDREN_TYPES = Set.of("pipeline", "report", "dataset");

    static StatsOptions from(ObjectNode body) {
        String state = "active";
        if (body.has("stats_for_state")) {
            JsonNode node = body.get("stats_for_state");
            state = node.isNull() ? null : node.asText();
            if (state != null && !STATES.contains(state)) {
                throw QueryErrors.validation("invalid value", Map.of("field", "stats_for_state", "value", state));
            }
        }
        String childrenType = Fields.optString(body, "children_type");
        if (childrenType != null && !CHILDREN_TYPES.contains(childrenType)) {
            throw QueryErrors.validation("invalid value", Map.of("field", "children_type", "value", childrenType));
        }
        boolean searchHidden = Fields.optBool(body, "search_hidden", false);
        ObjectNode explicit = Fields.optObject(body, "include_stats_filter");
        if ((explicit != null && !explicit.isEmpty()) || childrenType == null) {
            return new StatsOptions(state, childrenType, explicit == null ? emptyObject() : explicit.deepCopy(),
                    searchHidden);
        }
        ObjectNode filter = emptyObject();
        JsonNode tagsFilter = body.get("children_tags_filter");
        JsonNode tags = body.get("children_tags");
        if (tagsFilter != null && !tagsFilter.isNull() && !tagsFilter.isEmpty()) {
            filter.set("tags", tagsFilter);
        } else if (tags != null && !tags.isNull() && !tags.isEmpty()) {
            filter.set("tags", tags);
        }
        return switch (childrenType) {
            case "pipeline" -> new StatsOptions(state, childrenType,
                    with(filter, ProjectSelection.PIPELINE_TAG, "controller"), true);
            case "report" -> new StatsOptions(state, childrenType,
                    with(filter, ProjectSelection.REPORTS_TAG, "report"), true);
            default -> new StatsOptions(state, childrenType, filter, searchHidden);
        };
    }

    Bson taskBson() {
        return toBson(taskFilter);
    }

    /** The task filter restricted to the requested state, unless it already says something about archiving. */
    Bson taskBsonForState() {
        if (state == null) {
            return taskBson();
        }
        ObjectNode copy = taskFilter.deepCopy();
        JsonNode systemTags = copy.get("system_tags");
        List<String> existing = new ArrayList<>();
        if (systemTags != null && systemTags.isArray()) {
            systemTags.forEach(t -> existing.add(t.asText()));
        }
        if (systemTags == null || systemTags.isArray()) {
            if (!existing.contains(ReadRequests.ARCHIVED) && !existing.contains("-" + ReadRequests.ARCHIVED)) {
                ArrayNode tags = copy.putArray("system_tags");
                tags.add(state.equals("archived") ? ReadRequests.ARCHIVED : "-" + ReadRequests.ARCHIVED);
                existing.forEach(tags::add);
            }
        }
        return toBson(copy);
    }

    private static Bson toBson(ObjectNode filter) {
        List<Bson> parts = new ArrayList<>();
        filter.fields().forEachRemaining(e -> parts.add(FilterBuilder.fieldFilter(e.getKey(), e.getValue())));
        return FilterBuilder.and(parts);
    }

    private static ObjectNode with(ObjectNode filter, String systemTag, String type) {
        filter.putArray("system_tags").add(systemTag);
        filter.putArray("type").add(type);
        return filter;
    }

    private static ObjectNode emptyObject() {
        return JsonNodeFactory.instance.objectNode();
    }
}
