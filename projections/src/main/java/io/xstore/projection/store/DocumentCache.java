package io.xstore.projection.store;

import io.xstore.readmodel.ReadModelChanges;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The read-model documents the projector wrote last, so a batch finds the documents of busy tasks without asking
 * MongoDB. Held documents are never changed (a batch works on copies). Whatever writes a read-model document outside
 * the projectors must {@link #invalidate} it. Every change it hears of, after the write, is passed on to
 * {@link ReadModelChanges} for the read side's copies.
 */
final class DocumentCache {

    private final Map<String, Document> documents;

    private final ReadModelChanges changes;

    DocumentCache(int maxDocuments, ReadModelChanges changes) {
        this.changes = changes;
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

    void put(String collection, String id, Document document) {
        synchronized (this) {
            documents.put(key(collection, id), document);
        }
        changes.changed(collection, id);
    }

    void invalidate(String collection, String id) {
        synchronized (this) {
            documents.remove(key(collection, id));
        }
        changes.changed(collection, id);
    }

    void invalidate(String collection) {
        String prefix = collection + '\u0000';
        synchronized (this) {
            documents.keySet().removeIf(key -> key.startsWith(prefix));
        }
        changes.changedAll(collection);
    }

    void clear() {
        synchronized (this) {
            documents.clear();
        }
        changes.changedEverything();
    }

    private static String key(String collection, String id) {
        return collection + '\u0000' + id;
    }
}
