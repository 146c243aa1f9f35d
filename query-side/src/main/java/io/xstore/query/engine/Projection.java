package io.xstore.query.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Projections;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code only_fields} (alias {@code projection}), docs/api/README.md (Lists): the paths to return, {@code -path} to
 * leave out, {@code path.*} for a whole sub-document. Without paths to include, everything but the entity's
 * excluded-by-default fields is returned. In join mode ({@code *_ex}) a path below a reference field
 * ({@code project.name}) is fetched from the referenced entity, and {@code id} is always returned.
 */
public final class Projection {

    private final List<String> includes;
    private final Set<String> excludes;
    private final Map<String, List<String>> joins;

    private Projection(List<String> includes, Set<String> excludes, Map<String, List<String>> joins) {
        this.includes = includes;
        this.excludes = excludes;
        this.joins = joins;
    }

    /** Reads only_fields/projection from a request body. */
    public static Projection parse(EntitySpec spec, ObjectNode body, boolean joinMode) {
        JsonNode node = body.get("projection");
        if (!JsonValues.truthy(node)) {
            node = body.get("only_fields");
        }
        List<String> fields = new ArrayList<>();
        for (JsonNode item : JsonValues.items(node)) {
            if (item.isNull()) {
                continue;
            }
            if (!item.isTextual()) {
                throw QueryErrors.validation("only_fields must be a list of strings", Map.of("field", "only_fields"));
            }
            fields.add(item.textValue());
        }
        return of(spec, fields, joinMode);
    }

    public static Projection of(EntitySpec spec, List<String> fields, boolean joinMode) {
        List<String> includes = new ArrayList<>();
        Set<String> excludes = new LinkedHashSet<>();
        Map<String, List<String>> joins = new LinkedHashMap<>();
        List<String> invalid = new ArrayList<>();
        for (String field : fields) {
            boolean exclude = field.startsWith("-");
            String bare = exclude ? field.substring(1) : field;
            Optional<String> ref = joinMode ? spec.referenceAbove(bare) : Optional.empty();
            if (ref.isPresent()) {
                String sub = bare.substring(ref.get().length() + 1);
                joins.computeIfAbsent(ref.get(), k -> new ArrayList<>()).add(exclude ? "-" + sub : sub);
                continue;
            }
            if (bare.endsWith(".*")) {
                bare = bare.substring(0, bare.length() - 2);
            }
            if (bare.equals("*")) {
                if (!exclude) {
                    includes.addAll(spec.knownFields());
                }
                continue;
            }
            if (bare.isEmpty() || !spec.isKnownTopLevel(FieldPaths.topLevel(bare))) {
                invalid.add(field);
                continue;
            }
            (exclude ? excludes : includes).add(bare);
        }
        if (!invalid.isEmpty()) {
            throw QueryErrors.invalidFields(invalid, spec.name());
        }
        for (String ref : joins.keySet()) {
            if (!covered(includes, ref)) {
                includes.add(ref);
            }
        }
        if (joinMode && !includes.isEmpty() && !includes.contains("id")) {
            includes.add("id");
        }
        Set<String> allExcluded = new LinkedHashSet<>(spec.excludedByDefault());
        allExcluded.addAll(excludes);
        allExcluded.removeAll(includes);
        return new Projection(List.copyOf(includes), allExcluded, joins);
    }

    private static boolean covered(List<String> paths, String path) {
        return paths.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "."));
    }

    /** Reference fields to join, each with the projection wanted from the referenced document. */
    public Map<String, List<String>> joins() {
        return joins;
    }

    public boolean includesField(String topLevel) {
        return includes.isEmpty() ? !excludes.contains(topLevel)
                : includes.stream().anyMatch(p -> FieldPaths.topLevel(p).equals(topLevel));
    }

    /** The stored top-level fields worth loading, or null for all. */
    public Bson mongoProjection() {
        if (!includes.isEmpty()) {
            Set<String> top = new LinkedHashSet<>();
            includes.forEach(p -> top.add(FieldPaths.toMongo(FieldPaths.topLevel(p))));
            return Projections.include(new ArrayList<>(top));
        }
        List<String> topExcludes = excludes.stream().filter(p -> p.indexOf('.') < 0)
                .map(FieldPaths::toMongo).toList();
        return topExcludes.isEmpty() ? null : Projections.exclude(topExcludes);
    }

    /** Applies the projection to a wire document. */
    public Map<String, Object> apply(Map<String, Object> doc) {
        Map<String, Object> out = includes.isEmpty() ? doc : PathTree.of(includes).keep(doc);
        if (!excludes.isEmpty()) {
            PathTree.of(excludes).remove(out);
        }
        return out;
    }
}
