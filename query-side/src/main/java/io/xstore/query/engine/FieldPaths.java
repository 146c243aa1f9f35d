package io.xstore.query.engine;

import io.xstore.readmodel.MongoKeys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps a request field path to the stored path: {@code id} is {@code _id}, and every part is escaped the way the
 * projections escape user-chosen map keys (a no-op for plain field names). Under {@code hyperparams.} and
 * {@code configuration.} the parts come in the client's escaped form ({@code %2E} for a dot in a section or name) and
 * are unescaped first; the legacy prefixes {@code execution.parameters} ({@code hyperparams.Args}),
 * {@code execution.model_desc} ({@code configuration}) and {@code execution.docker_cmd} ({@code container}) are
 * rewritten (docs/api/behaviour-rules.md §1, "Client-escaped paths").
 */
public final class FieldPaths {

    private FieldPaths() {
    }

    private static final String[][] LEGACY_PREFIXES = {
        {"execution.parameters", "hyperparams.Args"},
        {"execution.model_desc", "configuration"},
        {"execution.docker_cmd", "container"}};

    public static String toMongo(String apiPath) {
        if ("id".equals(apiPath)) {
            return "_id";
        }
        List<String> parts = new ArrayList<>(Arrays.asList(current(apiPath).split("\\.", -1)));
        if (parts.get(0).equals("hyperparams") || parts.get(0).equals("configuration")) {
            parts.replaceAll(MongoKeys::unescape);
        }
        return MongoKeys.escapePath(parts);
    }

    /**
     * The parts of a path as they are named in a wire document: split on dots, and under {@code hyperparams.} and
     * {@code configuration.} unescaped from the client form ({@code hyperparams.sec%2Etion1} names section
     * {@code sec.tion1}), as in {@code only_fields}.
     */
    public static List<String> wireParts(String apiPath) {
        List<String> parts = new ArrayList<>(Arrays.asList(apiPath.split("\\.")));
        if (parts.get(0).equals("hyperparams") || parts.get(0).equals("configuration")) {
            parts.replaceAll(MongoKeys::unescape);
        }
        return parts;
    }

    /** The path with a legacy prefix rewritten to today's field. */
    static String current(String apiPath) {
        for (String[] prefix : LEGACY_PREFIXES) {
            if (apiPath.equals(prefix[0]) || apiPath.startsWith(prefix[0] + ".")) {
                return prefix[1] + apiPath.substring(prefix[0].length());
            }
        }
        return apiPath;
    }

    public static String topLevel(String apiPath) {
        int dot = apiPath.indexOf('.');
        return dot < 0 ? apiPath : apiPath.substring(0, dot);
    }
}
