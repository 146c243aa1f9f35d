package io.xstore.query;

import java.util.List;

/** The hierarchy facts of one project read model document. */
public record ProjectNode(String id, String name, String basename, String parent, List<String> path,
                          List<String> systemTags, String company, String user) {

    public boolean hasSystemTag(String tag) {
        return systemTags.contains(tag);
    }
}
