package io.xstore.query.engine;

import io.xstore.readmodel.MongoKeys;

import java.util.Arrays;

/**
 * Maps a request field path to the stored path: {@code id} is {@code _id}, and every part is escaped the way the
 * projections escape user-chosen map keys (a no-op for plain field names). A name that itself contains a dot
 * cannot be told apart from a nested path in a filter; such names are only reachable through only_fields.
 */
public final class FieldPaths {

    private FieldPaths() {
    }

    public static String toMongo(String apiPath) {
        if ("id".equals(apiPath)) {
            return "_id";
        }
        return MongoKeys.escapePath(Arrays.asList(apiPath.split("\\.", -1)));
    }

    public static String topLevel(String apiPath) {
        int dot = apiPath.indexOf('.');
        return dot < 0 ? apiPath : apiPath.substring(0, dot);
    }
}
