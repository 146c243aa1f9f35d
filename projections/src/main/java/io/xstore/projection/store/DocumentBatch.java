package io.xstore.projection.store;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read-model documents one batch of events touches, changed in memory and written once per document when the
 * batch ends: one unordered bulk write per collection (a catch-up's batch on the embedded MongoDB: straight into its
 * file, {@link DirectDocumentWrites}), each document as the difference between what was read and what the handlers
 * made of it (top-level fields), so fields other writers own (a ping's {@code last_update}) are left alone. Handlers set absolute values, so applying an event twice, as after a crash, gives the same document.
 * <p>
 * A <em>detached</em> batch (no database) never reads nor writes MongoDB: every document starts absent and lives only
 * in memory. The history fold (docs/api/history.md) runs the real handlers against one to rebuild an entity's
 * read-model document from its events.
 */
final class DocumentBatch {

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final BulkWriteOptions ORDERED = new BulkWriteOptions().ordered(true);

    private final MongoDatabase database;
    private final DocumentCache cache;
    private final EmptiedCollections emptied;
    private final DirectDocumentWrites direct;
    private final Map<String, Map<String, Entry>> collections = new LinkedHashMap<>();
    private final Set<String> candidates = new HashSet<>();
    private final Set<String> prefetched = new HashSet<>();

    DocumentBatch(MongoDatabase database, DocumentCache cache, EmptiedCollections emptied) {
        this(database, cache, emptied, DirectDocumentWrites.NONE);
    }

    DocumentBatch(MongoDatabase database, DocumentCache cache, EmptiedCollections emptied,
                  DirectDocumentWrites direct) {
        this.database = database;
        this.cache = cache;
        this.emptied = emptied;
        this.direct = direct;
    }

    /** A batch of documents in memory only (see the class comment). */
    static DocumentBatch detached() {
        return new DocumentBatch(null, null, null);
    }

    boolean isDetached() {
        return database == null;
    }

    /** Puts a document in a detached batch as if the handlers had made it (resuming a fold from a checkpoint). */
    void seed(String collection, String id, Document document) {
        Entry entry = entry(collection, id, false);
        entry.original = null;
        entry.current = document;
        entry.known = true;
        entry.dirty = true;
    }

    /** The names of the collections this batch holds documents of. */
    java.util.Set<String> collectionNames() {
        return new java.util.LinkedHashSet<>(collections.keySet());
    }

    /** One document this batch holds, as the handlers left it; null when absent or not touched. */
    Document held(String collection, String id) {
        Entry entry = collections.getOrDefault(collection, Map.of()).get(id);
        return entry == null ? null : entry.current;
    }

    /** The documents of a collection this batch holds (detached: the whole in-memory collection), by id. */
    Map<String, Document> held(String collection) {
        Map<String, Document> out = new LinkedHashMap<>();
        collections.getOrDefault(collection, Map.of()).forEach((id, entry) -> {
            if (entry.current != null) {
                out.put(id, entry.current);
            }
        });
        return out;
    }

    /**
     * One document: as read ({@code known} false when the handlers replaced it unread), and as it is now. Updates to
     * a document the batch has not read (and the cache does not hold) wait in {@code blind}: written as they are when
     * nothing in the batch reads the document, applied in memory to it when something does.
     */
    private static final class Entry {
        Document original;
        boolean known;
        Document current;
        boolean dirty;
        List<Bson> blind;
        boolean writeOnly;
    }

    /**
     * Ids the batch's events are about (their aggregates): the first document a collection needs from MongoDB brings
     * those of them it holds in the same query, so a batch reads each collection once instead of once per document.
     */
    void expect(Collection<String> ids) {
        candidates.addAll(ids);
    }

    Document find(String collection, String id) {
        return entry(collection, id, true).current;
    }

    void replace(String collection, String id, Document document) {
        put(collection, id, withIdFirst(id, document)).writeOnly = false;
    }

    /**
     * {@link #replace}, for a document nothing reads back: left out of the cache once written. A document that starts
     * with its {@code _id} is taken as it is, not copied (the caller hands it over: a replay makes one such row per
     * event).
     */
    void replaceWriteOnly(String collection, String id, Document document) {
        Map.Entry<String, Object> first = document.isEmpty() ? null : document.entrySet().iterator().next();
        boolean idFirst = first != null && "_id".equals(first.getKey()) && id.equals(first.getValue());
        put(collection, id, idFirst ? document : withIdFirst(id, document)).writeOnly = true;
    }

    /** A copy of the document with {@code id} as its first field (the caller may go on changing its own). */
    private static Document withIdFirst(String id, Document document) {
        Document copy = new Document("_id", id);
        document.forEach((key, value) -> {
            if (!"_id".equals(key)) {
                copy.put(key, value);
            }
        });
        return copy;
    }

    private Entry put(String collection, String id, Document document) {
        Entry entry = entry(collection, id, false);
        if (!isDetached() && !entry.known && !entry.dirty && emptied.knownAbsent(collection, id)) {
            // a replay creating the document in an emptied collection: an insert, not an upsert
            entry.original = null;
            entry.known = true;
        }
        entry.current = document;
        entry.dirty = true;
        entry.blind = null;
        return entry;
    }

    /**
     * Like {@code updateOne} without upsert: a document that does not exist stays absent. A document neither this
     * batch nor the cache holds is not read for it: the update is written blind, as MongoDB would apply it, unless a
     * handler of the batch reads the document later (then it is read and the update applied to it in memory).
     */
    void update(String collection, String id, Bson update) {
        Entry entry = entry(collection, id, false);
        if (!isDetached() && !entry.known && !entry.dirty && cache.get(collection, id) == null
                && !emptied.knownAbsent(collection, id)) {
            if (entry.blind == null) {
                entry.blind = new ArrayList<>(2);
            }
            entry.blind.add(update);
            return;
        }
        entry = entry(collection, id, true);
        if (entry.current != null) {
            UpdateApplier.apply(entry.current, update);
            entry.dirty = true;
        }
    }

    void delete(String collection, String id) {
        Entry entry = entry(collection, id, false);
        entry.current = null;
        entry.dirty = true;
        entry.blind = null;
    }

    /** Set-wide changes go to MongoDB at once, after what this batch holds of the collection. */
    void updateMany(String collection, Bson filter, Bson update) {
        if (isDetached()) {
            held(collection).values().stream().filter(doc -> UpdateApplier.matches(doc, filter))
                    .forEach(doc -> UpdateApplier.apply(doc, update));
            return;
        }
        flush(collection);
        database.getCollection(collection).updateMany(filter, update);
        cache.invalidate(collection);
    }

    /**
     * Empties the collection by dropping it and creating its indexes again: deleting every document one by one was
     * most of the time a replay took to start on a large read model.
     */
    void clear(String collection) {
        collections.remove(collection);
        if (isDetached()) {
            return;
        }
        cache.invalidate(collection);
        emptied.emptied(collection);
        // dropping a collection that does not exist is an error the embedded MongoDB logs at start on a fresh dir
        if (!database.listCollectionNames().into(new ArrayList<>()).contains(collection)) {
            return;
        }
        MongoCollection<Document> documents = database.getCollection(collection);
        List<Document> indexes = new ArrayList<>();
        for (Document index : documents.listIndexes()) {
            if (!"_id_".equals(index.getString("name"))) {
                Document spec = new Document(index);
                spec.remove("v");
                spec.remove("ns");
                indexes.add(spec);
            }
        }
        documents.drop();
        cache.invalidate(collection); // again, for read-side copies taken between the first call and the drop
        if (!indexes.isEmpty()) {
            database.runCommand(new Document("createIndexes", collection).append("indexes", indexes));
        }
    }

    /**
     * Writes every changed document; returns how many were written. The collections are written in parallel, each
     * with its one bulk write on a connection of its own: the embedded MongoDB locks per collection, so a batch that
     * touches tasks, history rows and heads costs the slowest of its writes rather than their sum.
     */
    int flush() {
        if (isDetached()) {
            return 0;
        }
        List<Pending> pending = new ArrayList<>();
        for (String collection : new ArrayList<>(collections.keySet())) {
            pending.add(prepare(collection));
        }
        List<Pending> writing = pending.stream().filter(Pending::hasWrites).toList();
        if (writing.size() > 1) {
            ParallelWrites.run(writing.stream().<Runnable>map(p -> p::write).toList());
        } else {
            writing.forEach(Pending::write);
        }
        int written = 0;
        for (Pending p : pending) {
            written += p.finish();
        }
        return written;
    }

    private int flush(String collection) {
        Pending pending = prepare(collection);
        pending.write();
        return pending.finish();
    }

    private Pending prepare(String collection) {
        Map<String, Entry> entries = collections.remove(collection);
        if (entries == null) {
            return new Pending(collection, Map.of(), List.of(), List.of(), List.of(), false);
        }
        List<DirectDocumentWrites.Write> changes = new ArrayList<>();
        List<WriteModel<RawBsonDocument>> blind = new ArrayList<>();
        List<DirectDocumentWrites.Write> blindUpdates = new ArrayList<>();
        boolean ordered = false;
        for (Map.Entry<String, Entry> item : entries.entrySet()) {
            Entry entry = item.getValue();
            if (entry.blind != null) {
                Bson byId = Filters.eq("_id", item.getKey());
                entry.blind.forEach(update -> blind.add(new UpdateOneModel<>(byId, update)));
                if (direct != DirectDocumentWrites.NONE) {
                    entry.blind.forEach(update -> blindUpdates.add(DocumentChanges.update(item.getKey(), update,
                            database.getCodecRegistry())));
                }
                // several updates of one document keep their order
                ordered |= entry.blind.size() > 1;
            } else if (entry.dirty) {
                DirectDocumentWrites.Write change = DocumentChanges.of(item.getKey(), entry.known ? entry.original : null,
                        entry.known, entry.current, database.getCodecRegistry());
                if (change != null) {
                    changes.add(change);
                }
            }
        }
        return new Pending(collection, entries, changes, blind, blindUpdates, ordered);
    }

    /**
     * One collection's writes of a flush: written (possibly on another thread), then the cache told. The changed
     * documents and the updates written blind go {@link DirectDocumentWrites directly} into the server when it takes
     * them all (an update of top-level fields only), else in one bulk write of the driver.
     */
    private final class Pending {
        final String collection;
        final Map<String, Entry> entries;
        final List<DirectDocumentWrites.Write> changes;
        final List<WriteModel<RawBsonDocument>> blind;
        /** The blind updates again, as direct writes (empty without them). */
        final List<DirectDocumentWrites.Write> blindUpdates;
        final boolean ordered;

        Pending(String collection, Map<String, Entry> entries, List<DirectDocumentWrites.Write> changes,
                List<WriteModel<RawBsonDocument>> blind, List<DirectDocumentWrites.Write> blindUpdates,
                boolean ordered) {
            this.collection = collection;
            this.entries = entries;
            this.changes = changes;
            this.blind = blind;
            this.blindUpdates = blindUpdates;
            this.ordered = ordered;
        }

        boolean hasWrites() {
            return !changes.isEmpty() || !blind.isEmpty();
        }

        void write() {
            if (hasWrites() && writtenDirectly()) {
                return;
            }
            List<WriteModel<RawBsonDocument>> writes = new ArrayList<>(blind);
            changes.forEach(change -> writes.add(DocumentChanges.model(change)));
            if (!writes.isEmpty()) {
                database.getCollection(collection, RawBsonDocument.class).bulkWrite(writes,
                        ordered ? ORDERED : UNORDERED);
            }
        }

        private boolean writtenDirectly() {
            if (direct == DirectDocumentWrites.NONE) {
                return false;
            }
            List<DirectDocumentWrites.Write> all = changes;
            if (!blindUpdates.isEmpty()) {
                all = new ArrayList<>(blindUpdates);
                all.addAll(changes);
            }
            // the collection's real name: a replay into a new generation writes <name>__g<n>
            MongoNamespace namespace = database.getCollection(collection).getNamespace();
            return direct.write(namespace.getDatabaseName(), namespace.getCollectionName(), all);
        }

        int finish() {
            entries.forEach((id, entry) -> {
                if (entry.blind != null) {
                    cache.invalidate(collection, id);
                } else if (entry.current != null && entry.writeOnly) {
                    cache.invalidate(collection, id);
                    emptied.written(collection, id);
                } else if (entry.current != null) {
                    cache.put(collection, id, entry.current);
                    emptied.written(collection, id);
                } else {
                    cache.invalidate(collection, id);
                }
            });
            return changes.size() + blind.size();
        }
    }

    private Entry entry(String collection, String id, boolean load) {
        Map<String, Entry> entries = collections.computeIfAbsent(collection, c -> new HashMap<>());
        Entry entry = entries.get(id);
        if (entry == null) {
            entry = new Entry();
            entries.put(id, entry);
        }
        if (load && !entry.known && !entry.dirty && isDetached()) {
            loaded(entry, null);
        } else if (load && !entry.known && !entry.dirty) {
            Document cached = cache.get(collection, id);
            if (cached != null) {
                loaded(entry, cached);
            } else if (emptied.knownAbsent(collection, id)) {
                loaded(entry, null);
            } else if (candidates.contains(id) && prefetched.add(collection)) {
                prefetch(collection, entries);
            }
            if (!entry.known) {
                loaded(entry, database.getCollection(collection).find(Filters.eq("_id", id)).first());
            }
        }
        return entry;
    }

    /** Loads every candidate this batch has not touched in the collection; those MongoDB lacks are known absent. */
    private void prefetch(String collection, Map<String, Entry> entries) {
        List<String> ids = candidates.stream().filter(id -> !entries.containsKey(id) || !entries.get(id).known
                && !entries.get(id).dirty).filter(id -> cache.get(collection, id) == null)
                .filter(id -> !emptied.knownAbsent(collection, id)).toList();
        Map<String, Document> found = new HashMap<>();
        database.getCollection(collection).find(Filters.in("_id", ids))
                .forEach(document -> found.put(document.getString("_id"), document));
        for (String id : ids) {
            loaded(entries.computeIfAbsent(id, key -> new Entry()), found.get(id));
        }
    }

    /** The document as read; updates written blind to it so far are applied to it now. */
    private static void loaded(Entry entry, Document stored) {
        entry.original = stored;
        entry.current = stored == null ? null : deepCopy(stored);
        entry.known = true;
        if (entry.blind != null) {
            if (entry.current != null) {
                entry.blind.forEach(update -> UpdateApplier.apply(entry.current, update));
                entry.dirty = true;
            }
            entry.blind = null;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Document copy = new Document();
            map.forEach((key, item) -> copy.put((String) key, deepCopy(item)));
            return (T) copy;
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(deepCopy(item)));
            return (T) copy;
        }
        return value;
    }
}
