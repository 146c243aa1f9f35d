package io.xstore.projection.store;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collections a replay emptied, with the ids written since: any other id is known to be absent, so a replay inserts
 * new documents without first asking MongoDB for them. Forgotten once the projectors have caught up.
 */
final class EmptiedCollections {

    private final Map<String, Set<String>> written = new ConcurrentHashMap<>();

    void emptied(String collection) {
        written.put(collection, ConcurrentHashMap.newKeySet());
    }

    void written(String collection, String id) {
        Set<String> ids = written.get(collection);
        if (ids != null) {
            ids.add(id);
        }
    }

    boolean knownAbsent(String collection, String id) {
        Set<String> ids = written.get(collection);
        return ids != null && !ids.contains(id);
    }

    void forget() {
        written.clear();
    }
}
