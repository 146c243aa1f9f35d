package io.xstore.query.projects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How projects.get_all(_ex) read the {@code parent} filter: without {@code shallow_search} it matches projects
 * anywhere below the parent (their {@code path} of ancestors); with it, direct children only, and the top level when
 * no parent is given. A client's own {@code path} filter is ignored.
 */
public final class ProjectSearch {

    private ProjectSearch() {
    }

    public static ObjectNode adjust(ObjectNode body, boolean shallow) {
        ObjectNode copy = body.deepCopy();
        copy.remove("path");
        if (!shallow) {
            JsonNode parent = copy.remove("parent");
            if (parent != null) {
                copy.set("path", parent);
            }
        } else if (!copy.has("parent")) {
            copy.putArray("parent").addNull();
        }
        return copy;
    }
}
