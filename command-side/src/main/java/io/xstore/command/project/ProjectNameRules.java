package io.xstore.command.project;

import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** ClearML's rules for project names: {@code /}-separated levels, at most 10 deep, at least 3 characters. */
public final class ProjectNameRules {

    public static final int MAX_DEPTH = 10;
    public static final int MIN_LENGTH = 3;

    private ProjectNameRules() {
    }

    /** Cleans ({@code " a//b "} → {@code a/b}) and validates a full project name. */
    public static String normalize(String raw) {
        String name = clean(raw);
        validate(name);
        return name;
    }

    /**
     * Cleans and checks the depth only: what every stored project obeys, including automatically created ancestors
     * whose names may be shorter than {@link #MIN_LENGTH}.
     */
    public static String normalizeStored(String raw) {
        String name = clean(raw);
        if (depth(name) > MAX_DEPTH) {
            throw ApiError.PROJECT_PATH_EXCEEDS_MAX.toException(Map.of("max_depth", MAX_DEPTH));
        }
        return name;
    }

    /** Trims every level and drops empty ones; 400/407 when nothing is left. */
    public static String clean(String raw) {
        String name = raw == null ? "" : String.join("/", Arrays.stream(raw.split("/"))
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .toList());
        if (name.isEmpty()) {
            throw ApiError.INVALID_PROJECT_NAME.toException(Map.of("name", raw == null ? "" : raw));
        }
        return name;
    }

    /**
     * Depth (400/409) and length (400/800) of an already clean name. The length rule is on the full name, so the
     * automatically created ancestors of {@code a/b/c} are fine.
     */
    public static void validate(String name) {
        normalizeStored(name);
        if (name.length() < MIN_LENGTH) {
            throw ApiError.DATA_VALIDATION_ERROR.toException("Project name must be at least " + MIN_LENGTH
                    + " characters long", Map.of("name", name));
        }
    }

    /** The full names of a project and its ancestors, root first ({@code a/b/c} → a, a/b, a/b/c). */
    public static List<String> levels(String name) {
        List<String> levels = new ArrayList<>();
        int slash = name.indexOf('/');
        while (slash >= 0) {
            levels.add(name.substring(0, slash));
            slash = name.indexOf('/', slash + 1);
        }
        levels.add(name);
        return levels;
    }

    /** The full names of the ancestors only, root first. */
    public static List<String> ancestors(String name) {
        List<String> levels = levels(name);
        return levels.subList(0, levels.size() - 1);
    }

    public static String basename(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    public static String parentName(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? null : name.substring(0, slash);
    }

    public static int depth(String name) {
        return (int) name.chars().filter(c -> c == '/').count() + 1;
    }

    /** True when {@code name} is {@code ancestor} itself or below it. */
    public static boolean isWithin(String name, String ancestor) {
        return name.equals(ancestor) || name.startsWith(ancestor + "/");
    }

    public static ApiException duplicate(String company, String name) {
        return new ApiException(ApiError.EXPECTED_UNIQUE_DATA.code(), ApiError.EXPECTED_UNIQUE_DATA.subcode(),
                "Project with the same name already exists: name=" + name + ", company=" + company,
                Map.of("name", name, "company", company));
    }
}
