package io.xstore.query.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the query engine needs to know about one read-model collection: which request keys filter how
 * (docs/api/README.md, Lists), which fields exist, which are hidden by default, which hold references to other
 * entities. Field patterns ending in {@code *} match every key with that prefix (e.g. {@code hyperparams.*}).
 */
public final class EntitySpec {

    private final String name;
    private final String collection;
    private Set<String> knownFields = Set.of();
    private Set<String> excludedByDefault = Set.of();
    private List<String> patternFields = List.of();
    private List<String> listFields = List.of();
    private List<String> rangeFields = List.of();
    private List<String> datetimeFields = List.of();
    private List<String> equalityFields = List.of();
    private Set<String> dateFields = Set.of();
    private Set<String> listTypedFields = Set.of();
    private Set<String> stringTypedFields = Set.of();
    private List<String> searchTextFields = List.of("name", "id");
    private final Map<String, String> references = new LinkedHashMap<>();

    public EntitySpec(String name, String collection) {
        this.name = name;
        this.collection = collection;
    }

    public EntitySpec known(String... fields) {
        knownFields = Set.of(fields);
        return this;
    }

    public EntitySpec excludedByDefault(String... fields) {
        excludedByDefault = Set.of(fields);
        return this;
    }

    public EntitySpec patternFields(String... fields) {
        patternFields = List.of(fields);
        return this;
    }

    public EntitySpec listFields(String... fields) {
        listFields = List.of(fields);
        return this;
    }

    public EntitySpec rangeFields(String... fields) {
        rangeFields = List.of(fields);
        return this;
    }

    public EntitySpec datetimeFields(String... fields) {
        datetimeFields = List.of(fields);
        return this;
    }

    public EntitySpec equalityFields(String... fields) {
        equalityFields = List.of(fields);
        return this;
    }

    /** Fields stored as dates: range bounds given as strings are parsed for them. */
    public EntitySpec dateFields(String... fields) {
        dateFields = Set.of(fields);
        return this;
    }

    /** Fields holding lists (an empty list counts as "missing" when ordering). */
    public EntitySpec listTyped(String... fields) {
        listTypedFields = Set.of(fields);
        return this;
    }

    /** Fields holding strings (an empty string counts as "missing" when ordering). */
    public EntitySpec stringTyped(String... fields) {
        stringTypedFields = Set.of(fields);
        return this;
    }

    public EntitySpec searchText(String... fields) {
        searchTextFields = List.of(fields);
        return this;
    }

    /** A field holding the id of a document of {@code target} (an {@link EntitySpecs} name, or null for id-only). */
    public EntitySpec reference(String path, String target) {
        references.put(path, target);
        return this;
    }

    public String name() {
        return name;
    }

    public String collection() {
        return collection;
    }

    public boolean isKnownTopLevel(String field) {
        return knownFields.contains(field);
    }

    public Set<String> knownFields() {
        return knownFields;
    }

    public Set<String> excludedByDefault() {
        return excludedByDefault;
    }

    public List<String> patternFields() {
        return patternFields;
    }

    public List<String> listFields() {
        return listFields;
    }

    public List<String> rangeFields() {
        return rangeFields;
    }

    public List<String> datetimeFields() {
        return datetimeFields;
    }

    public List<String> equalityFields() {
        return equalityFields;
    }

    public boolean isDateField(String field) {
        return dateFields.contains(field);
    }

    public boolean isListTyped(String field) {
        return listTypedFields.contains(field);
    }

    public boolean isStringTyped(String field) {
        return stringTypedFields.contains(field);
    }

    public List<String> searchTextFields() {
        return searchTextFields;
    }

    public Map<String, String> references() {
        return references;
    }

    /** The reference field that {@code path} lies strictly below ({@code project.name} → {@code project}). */
    public Optional<String> referenceAbove(String path) {
        return references.keySet().stream()
                .filter(ref -> path.startsWith(ref + "."))
                .findFirst();
    }

    /** Whether {@code field} is named by one of {@code patterns} (exact, or prefix for a trailing {@code *}). */
    public static boolean matches(List<String> patterns, String field) {
        for (String pattern : patterns) {
            if (pattern.endsWith("*") ? field.startsWith(pattern.substring(0, pattern.length() - 1))
                    : pattern.equals(field)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name + "@" + collection;
    }
}
