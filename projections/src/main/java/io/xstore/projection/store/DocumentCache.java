package io.xstore.projection.store;

import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The read-model documents the projector wrote last, so a batch finds the documents of busy tasks without asking
 * MongoDB. Held documents are never changed (a batch works on copies). Whatever writes a read-model document outside
 * the projectors must {@link #invalidate} it.
 */
final class DocumentCache {

    private final Map<String, Document> documents;

    DocumentCache(int maxDocuments) {
        this.documents = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
                return size() > maxDocuments;
            }
        };
    }

    synchronized Document get(String collection, String id) {
        return documents.get(key(collection, id));
    }

    synchronized void put(String collection, String id, Document document) {
        documents.put(key(collection, id), document);
    }

    synchronized void invalidate(String collection, String id) {
        documents.remove(key(collection, id));
    }

    synchronized void invalidate(String collection) {
        String prefix = collection + '\u0000';
        documents.keySet().removeIf(key -> key.startsWith(prefix));
    }

    synchronized void clear() {
        documents.clear();
    }

    private static String key(String collection, String id) {
        return collection + '\u0000' + id;
    }
}
