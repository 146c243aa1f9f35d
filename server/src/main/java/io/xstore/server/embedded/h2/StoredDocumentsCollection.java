package io.xstore.server.embedded.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.xstore.projection.store.DirectDocumentWrites;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A collection of the embedded MongoDB kept in one MVStore map, as mongo-java-server's H2 collection keeps it (same
 * map, same keys, same value format), with four differences that matter at 100,000 documents:
 * <ul>
 * <li>documents stay BSON bytes in the page cache ({@link EncodedDocument}), encoded once when written (not again at
 * each save of their page) and decoded one at a time when asked for;</li>
 * <li>a scan skips, undecoded, the documents that lack a string the query asks a field to equal
 * ({@link RequiredStrings});</li>
 * <li>a sorted query with a limit keeps only the first {@code skip + limit} matches (a bounded heap, each document's
 * sort values read once) instead of sorting every match;</li>
 * <li>the collection's data size (BSON-encoding every inserted and updated document twice to count its bytes, and a
 * write to the meta map each time) is not tracked: nothing reads it;</li>
 * <li>a document replaced by {@code _id} is stored as sent, without reading the old one, and a change of its
 * top-level fields without the library's clones and deep comparisons ({@link WritesById});</li>
 * <li>an aggregation ({@code countDocuments} is one) streams the collection, each document decoded as the pipeline
 * reaches it: the library's default first collects the whole collection, decoded, into a list (about 4 KB of heap
 * per task document: a count of 130,000 tasks filled a 1 GB heap).</li>
 * </ul>
 */
final class StoredDocumentsCollection extends AbstractSynchronizedMongoCollection<Object> {

    private static final Logger log = LoggerFactory.getLogger(StoredDocumentsCollection.class);

    /** Above this many kept documents a sorted query sorts all its matches, as mongo-java-server does. */
    static final int MAX_KEPT = 10_000;

    private final MVMap<Object, Object> documents;

    StoredDocumentsCollection(MongoDatabase database, String name, CollectionOptions options,
                              MVMap<Object, Object> documents, CursorRegistry cursors) {
        super(database, name, options, cursors);
        this.documents = documents;
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        // not tracked, see tracksDataSize
    }

    @Override
    protected int getDataSize() {
        return 0;
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        Object stored = DocumentType.stored(document);
        Object previous = documents.putIfAbsent(Missing.ofNullable(key), stored);
        if (previous != null) {
            if (getIdField() == null) {
                throw new IllegalStateException("a document with key '" + key + "' already exists in " + this);
            }
            // The unique indexes' checks run before this and let the insert through, so the _id index lacks a
            // document the map holds: the file commits in the background, and a kill -9 can keep a document written
            // just before it without its index entry. Refusing would stall the projector re-applying that insert at
            // every start after the crash; the insert takes the document's place and the index gets its entry again.
            documents.put(Missing.ofNullable(key), stored);
            log.warn("{}: document {} was in the file without its _id index entry (left by a crash); replaced by the "
                    + "insert", this, key);
        }
        return key;
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                 boolean multi, boolean upsert, Oplog oplog) {
        String id = WritesById.target(selector, arrayFilters, multi, oplog, getIndexes());
        Object stored = id == null ? null : documents.get(id);
        if (id != null && WritesById.isReplacement(update, id)) {
            if (stored == null) {
                if (!upsert) {
                    return WritesById.result(null, 0, 0);
                }
                addDocument(update);
                return WritesById.result(id, 0, 0);
            }
            return store(id, stored, update);
        }
        if (stored instanceof EncodedDocument && WritesById.isFieldChange(update)) {
            return stored(id, stored, WritesById.applied(stored, update));
        }
        return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
    }

    /** Stores the new form of a document that exists; an unchanged one is left as it is. */
    private Document store(String id, Object stored, Document document) {
        return stored(id, stored, DocumentType.stored(document));
    }

    private Document stored(String id, Object stored, Object replacement) {
        boolean same = stored instanceof EncodedDocument old && replacement instanceof EncodedDocument now
                && Arrays.equals(old.bson(), now.bson());
        if (!same) {
            documents.put(id, replacement);
        }
        return WritesById.result(null, 1, same ? 0 : 1);
    }

    /**
     * The BSON bytes of the document with this string id as stored, null when absent; one that is kept decoded
     * (a value BSON cannot hold) is encoded now.
     */
    byte[] storedBson(String id) {
        Object stored = documents.get(id);
        if (stored == null || stored instanceof EncodedDocument) {
            return stored == null ? null : ((EncodedDocument) stored).bson();
        }
        throw new UnsupportedOperationException("document " + id + " of " + getFullName() + " is not stored as BSON");
    }

    @Override
    public int count() {
        return documents.size();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    protected Document getDocument(Object position) {
        Object stored = documents.get(position);
        return stored == null ? null : EncodedDocument.of(stored);
    }

    @Override
    protected void removeDocument(Object position) {
        if (documents.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(EncodedDocument.of(entry.getValue()), entry.getKey()));
    }

    /**
     * Unlike a scan ({@link #matchDocuments}) the stream does not register the version it reads: the library does not
     * close it, so nothing would deregister it. It reads within the store's retention time (a count of 130,000 tasks
     * takes about half a second).
     */
    @Override
    public Stream<Document> queryAllAsStream() {
        return documents.values().stream().map(EncodedDocument::of);
    }

    @Override
    public Stream<Document> handleQueryAsStream(Document query) {
        return mayMatch(query).map(EncodedDocument::of).filter(doc -> documentMatchesQuery(doc, query));
    }

    /** The stored values, undecoded, less those that lack a string the query requires ({@link RequiredStrings}). */
    private Stream<Object> mayMatch(Document query) {
        RequiredStrings required = RequiredStrings.of(query);
        Stream<Object> stored = documents.values().stream();
        return required.isEmpty() ? stored : stored.filter(value -> !(value instanceof EncodedDocument encoded)
                || required.mayMatch(encoded.bson()));
    }

    /**
     * A scan reads the map at the version it started at, however long it takes: that version is registered as in use
     * while it runs, so the store keeps the chunks it needs (instead of only keeping every old chunk for a fixed time,
     * which under a stream of writes grew the file by gigabytes).
     */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        MVStore store = documents.getStore();
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            return scan(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        } finally {
            store.deregisterVersionUsage(reading);
        }
    }

    private QueryResult scan(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                             Document fieldSelector) {
        Stream<Document> all;
        if (isNaturalDescending(orderBy)) {
            all = streamAllDocumentsWithPosition()
                    .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                    .map(DocumentWithPosition::getDocument);
        } else {
            all = mayMatch(query).map(EncodedDocument::of);
        }
        return matchDocumentsFromStream(all, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult matchDocumentsFromStream(Stream<Document> candidates, Document query, Document orderBy,
                                                   int numberToSkip, int limit, int batchSize,
                                                   Document fieldSelector) {
        SortKeys sort = SortKeys.of(orderBy);
        long kept = (long) Math.max(numberToSkip, 0) + limit;
        if (sort == null || limit <= 0 || kept > MAX_KEPT) {
            return super.matchDocumentsFromStream(candidates, query, orderBy, numberToSkip, limit, batchSize,
                    fieldSelector);
        }
        List<Document> first = sort.first((int) kept, candidates.filter(doc -> documentMatchesQuery(doc, query)));
        // what is left (skip, limit, projection, cursor) as mongo-java-server does it, over the kept documents only
        return super.matchDocumentsFromStream(query, first.stream(), numberToSkip, limit, batchSize, null,
                fieldSelector);
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        documents.put(Missing.ofNullable(position), DocumentType.stored(newDocument));
    }

    /**
     * Applies a catch-up's writes without the wire ({@link H2DirectWrites}): the documents' BSON goes into the map as
     * it came, and their ids into the {@code _id} index, as an unordered bulk write through the server would leave
     * them. False, having written nothing, when the collection has an index this cannot keep (a unique one besides
     * {@code _id}) or an update is not a plain {@code $set}/{@code $unset} of top-level fields; throws, having
     * written nothing, when an insert finds its id.
     */
    synchronized boolean writeDirect(List<DirectDocumentWrites.Write> writes) {
        MapUniqueIndex idIndex = idIndex();
        if (idIndex == null || !WritesById.onlyIdIsUnique(getIndexes())) {
            return false;
        }
        Document[] updates = new Document[writes.size()];
        for (int i = 0; i < updates.length; i++) {
            DirectDocumentWrites.Write write = writes.get(i);
            if (write instanceof DirectDocumentWrites.Insert && documents.containsKey(write.id())
                    && idIndex.containsSingle(write.id())) {
                throw new DuplicateKeyError(this, "E11000 duplicate key error collection: " + getFullName()
                        + " index: _id_ dup key: { _id: \"" + write.id() + "\" }");
            }
            if (write instanceof DirectDocumentWrites.Update update) {
                updates[i] = EncodedDocument.of(new EncodedDocument(update.update()));
                if (!WritesById.isFieldChange(updates[i])) {
                    return false;
                }
            }
        }
        for (int i = 0; i < updates.length; i++) {
            DirectDocumentWrites.Write write = writes.get(i);
            String id = write.id();
            if (write instanceof DirectDocumentWrites.Insert insert) {
                if (add(id, insert.bson(), idIndex) != null) {
                    log.warn("{}: document {} was in the file without its _id index entry (left by a crash); "
                            + "replaced by the insert", this, id);
                }
            } else if (write instanceof DirectDocumentWrites.Replace replace) {
                if (documents.replace(id, new EncodedDocument(replace.bson())) == null) {
                    add(id, replace.bson(), idIndex);
                }
            } else if (write instanceof DirectDocumentWrites.Update) {
                Object stored = documents.get(id);
                if (stored != null) {
                    documents.put(id, WritesById.applied(stored, updates[i]));
                }
            } else if (documents.remove(id) != null) {
                idIndex.removeSingle(id);
            }
        }
        return true;
    }

    /** The {@code _id} index when it is one this collection keeps in its file; null otherwise. */
    private MapUniqueIndex idIndex() {
        for (Index<Object> index : getIndexes()) {
            if (index instanceof MapUniqueIndex unique && WritesById.isIdIndex(index)) {
                return unique;
            }
        }
        return null;
    }

    /** Stores the document and its {@code _id} index entry; returns the document the map held under the id, if any. */
    private Object add(String id, byte[] bson, MapUniqueIndex idIndex) {
        Object previous = documents.put(id, new EncodedDocument(bson));
        if (!idIndex.putSingle(id, id)) {
            throw new IllegalStateException("the _id index of " + getFullName() + " already holds " + id);
        }
        return previous;
    }

    /**
     * A sort order whose first {@code n} documents are found with a bounded heap. Ties keep the order in which the
     * documents came, as the stable sort of mongo-java-server keeps it, so the pages are the same.
     */
    record SortKeys(String[] paths, ValueComparator[] comparators) {

        /** Null when the order is empty or natural (nothing to sort). */
        static SortKeys of(Document orderBy) {
            if (orderBy == null || orderBy.isEmpty() || orderBy.keySet().iterator().next().equals("$natural")) {
                return null;
            }
            String[] paths = orderBy.keySet().toArray(new String[0]);
            ValueComparator[] comparators = new ValueComparator[paths.length];
            for (int i = 0; i < paths.length; i++) {
                comparators[i] = ((Number) orderBy.get(paths[i])).intValue() > 0
                        ? ValueComparator.asc() : ValueComparator.desc();
            }
            return new SortKeys(paths, comparators);
        }

        List<Document> first(int n, Stream<Document> matches) {
            Comparator<Ranked> order = this::compare;
            PriorityQueue<Ranked> worstFirst = new PriorityQueue<>(Math.min(n, 1024) + 1, order.reversed());
            long arrival = 0;
            Iterator<Document> it = matches.iterator();
            while (it.hasNext()) {
                Document doc = it.next();
                Ranked ranked = new Ranked(values(doc), arrival++, doc);
                if (worstFirst.size() < n) {
                    worstFirst.add(ranked);
                } else if (order.compare(ranked, worstFirst.peek()) < 0) {
                    worstFirst.poll();
                    worstFirst.add(ranked);
                }
            }
            List<Ranked> sorted = new ArrayList<>(worstFirst);
            sorted.sort(order);
            List<Document> out = new ArrayList<>(sorted.size());
            sorted.forEach(r -> out.add(r.document()));
            return out;
        }

        private Object[] values(Document doc) {
            Object[] values = new Object[paths.length];
            for (int i = 0; i < paths.length; i++) {
                values[i] = Utils.getSubdocumentValueCollectionAware(doc, paths[i]);
            }
            return values;
        }

        private int compare(Ranked a, Ranked b) {
            for (int i = 0; i < comparators.length; i++) {
                int cmp = comparators[i].compare(a.values()[i], b.values()[i]);
                if (cmp != 0) {
                    return cmp;
                }
            }
            return Long.compare(a.arrival(), b.arrival());
        }
    }

    private record Ranked(Object[] values, long arrival, Document document) {
    }
}
