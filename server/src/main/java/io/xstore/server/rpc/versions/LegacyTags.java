package io.xstore.server.rpc.versions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Below 2.3 there were no system tags: the reserved names a client puts in {@code tags} are system tags when it sends
 * no {@code system_tags} (on create, update and edit, and in get_all filters, also as {@code -name}), and answers
 * carry the system tags inside {@code tags}.
 */
final class LegacyTags {

    private static final Map<String, List<String>> RESERVED = Map.of(
            "models", List.of("active", "archived"),
            "projects", List.of("archived", "public", "default"),
            "tasks", List.of("active", "archived", "development"),
            "queues", List.of("default"));
    private static final Set<String> ACTIONS = Set.of("create", "update", "edit", "get_all", "get_all_ex");

    private LegacyTags() {
    }

    /** Every endpoint of the services with tags answers in the old shape. */
    static boolean returnsTags(String endpoint) {
        return RESERVED.containsKey(service(endpoint));
    }

    static boolean takesTags(String endpoint) {
        return returnsTags(endpoint) && ACTIONS.contains(endpoint.substring(endpoint.indexOf('.') + 1));
    }

    static void request(String endpoint, ObjectNode body) {
        String service = service(endpoint);
        JsonNode tags = body.get("tags");
        if (body.has("system_tags") || tags == null || !tags.isArray()) {
            return;
        }
        ArrayNode kept = body.arrayNode();
        ArrayNode system = body.arrayNode();
        for (JsonNode tag : tags) {
            String text = tag.asText();
            String name = text.startsWith("-") ? text.substring(1) : text;
            (tag.isTextual() && reserved(service, name) ? system : kept).add(tag);
        }
        if (!system.isEmpty()) {
            body.set("tags", kept);
            body.set("system_tags", system);
        }
    }

    static void response(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode system = object.get("system_tags");
            if (system != null && system.isArray() && !system.isEmpty()) {
                Set<String> merged = new LinkedHashSet<>();
                JsonNode tags = object.get("tags");
                if (tags != null && tags.isArray()) {
                    tags.forEach(t -> merged.add(t.asText()));
                }
                system.forEach(t -> merged.add(t.asText()));
                ArrayNode out = object.arrayNode();
                merged.forEach(out::add);
                object.set("tags", out);
            }
            object.elements().forEachRemaining(LegacyTags::response);
        } else if (node.isArray()) {
            node.forEach(LegacyTags::response);
        }
    }

    private static boolean reserved(String service, String name) {
        return RESERVED.get(service).contains(name) || ("tasks".equals(service) && name.startsWith("annotat"));
    }

    private static String service(String endpoint) {
        int dot = endpoint.indexOf('.');
        return dot > 0 ? endpoint.substring(0, dot) : endpoint;
    }
}
