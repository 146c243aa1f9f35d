package io.xstore.projection.store;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.xstore.readmodel.ReadModelChanges;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the projections write the MongoDB read models. A projector opens a {@link Batch} around a batch of events, so
 * the handlers' changes are folded per document and written once when it closes; outside a batch (a test calling a
 * handler) each change is written at once.
 */
@Component
public class ReadModelStore {

    private static final int CACHED_DOCUMENTS = 5_000;

    private final MongoDatabase database;
    private final DocumentCache cache;
    private final EmptiedCollections emptied = new EmptiedCollections();
    private final ThreadLocal<DocumentBatch> current = new ThreadLocal<>();
    private final DirectDocumentWrites direct;

    public ReadModelStore(MongoDatabase database) {
        this(database, DirectDocumentWrites.NONE);
    }

    /** A store whose batches write through {@code direct} what it takes (see {@link DirectDocumentWrites}). */
    public ReadModelStore(MongoDatabase database, DirectDocumentWrites direct) {
        this(database, new ReadModelChanges(), Optional.of(direct));
    }

    public ReadModelStore(MongoDatabase database, ReadModelChanges changes) {
        this(database, changes, Optional.empty());
    }

    @Autowired
    public ReadModelStore(MongoDatabase database, ReadModelChanges changes, Optional<DirectDocumentWrites> direct) {
        this.database = database;
        this.cache = new DocumentCache(CACHED_DOCUMENTS, changes);
        this.direct = direct.orElse(DirectDocumentWrites.NONE);
    }

    /** How this store's batches write, to be given to a store of another generation (an online replay). */
    public DirectDocumentWrites directWrites() {
        return direct;
    }

    /** To be called by whatever changes a read-model document outside the projectors (liveness updates). */
    public void invalidate(String collection, String id) {
        cache.invalidate(collection, id);
    }

    /**
     * Applies a MongoDB update of top-level fields to one document now, outside the batches (liveness updates such as
     * {@code tasks.ping}): written {@link DirectDocumentWrites directly} where the MongoDB takes it, else through the
     * driver; the change is reported as the batches report theirs.
     */
    public void updateNow(String collection, String id, Bson update) {
        MongoCollection<Document> target = database.getCollection(collection);
        MongoNamespace namespace = target.getNamespace();
        boolean written = direct != DirectDocumentWrites.NONE && direct.write(namespace.getDatabaseName(),
                namespace.getCollectionName(), List.of(DocumentChanges.update(id, update, target.getCodecRegistry())));
        if (!written) {
            target.updateOne(Filters.eq("_id", id), update);
        }
        cache.invalidate(collection, id);
    }

    /** The collections were replaced under the projectors (an online replay's switch): forget every cached document. */
    public void forgetCachedDocuments() {
        cache.clear();
    }

    public MongoDatabase database() {
        return database;
    }

    public ReadModelCollection collection(String name) {
        return new ReadModelCollection(name, this);
    }

    /** The projectors have caught up: documents of emptied collections are no longer tracked (see {@link #open}). */
    public void settled() {
        emptied.forget();
    }

    /**
     * Binds a batch to this thread until {@link Batch#close()}. After a collection was emptied (a replay), the batches
     * know which of its documents exist without asking MongoDB, until {@link #settled()}.
     */
    public Batch open() {
        if (current.get() != null) {
            throw new IllegalStateException("a read-model batch is already open on this thread");
        }
        DocumentBatch batch = new DocumentBatch(database, cache, emptied, direct);
        current.set(batch);
        return new Batch(batch);
    }

    /**
     * A batch bound to no thread: the handlers that run on a thread between its {@link Batch#bind()} and
     * {@link Batch#unbind()} change it, so one batch of events can be folded by several threads, each into a batch
     * of its own (see the projector's replay lanes). Flushed and closed from any thread. Its changed documents are
     * written {@link DirectDocumentWrites directly} into the server where it takes them.
     */
    public Batch openUnbound() {
        return new Batch(new DocumentBatch(database, cache, emptied, direct));
    }

    /**
     * Binds an in-memory batch to this thread until {@link Detached#close()}: the handlers called on this thread
     * meanwhile read and write documents that exist only in it, never MongoDB (the history fold, see
     * docs/api/history.md).
     */
    public Detached detached() {
        if (current.get() != null) {
            throw new IllegalStateException("a read-model batch is already open on this thread");
        }
        DocumentBatch batch = DocumentBatch.detached();
        current.set(batch);
        return new Detached(batch);
    }

    /** Whether this thread's handlers write to an in-memory {@link Detached} batch (never to MongoDB). */
    public boolean detachedOnThisThread() {
        DocumentBatch batch = current.get();
        return batch != null && batch.isDetached();
    }

    /** The open batch of this thread, or a throwaway one the caller flushes at once. */
    DocumentBatch batch() {
        DocumentBatch batch = current.get();
        return batch != null ? batch : new DocumentBatch(database, cache, emptied);
    }

    boolean inBatch() {
        return current.get() != null;
    }

    /** The changes of one batch of events. */
    public final class Batch implements AutoCloseable {

        private final DocumentBatch documents;
        private boolean flushed;

        private Batch(DocumentBatch documents) {
            this.documents = documents;
        }

        /** Makes this thread's handlers change this batch (an {@link #openUnbound() unbound} one) until unbind. */
        public void bind() {
            if (current.get() != null) {
                throw new IllegalStateException("a read-model batch is already open on this thread");
            }
            current.set(documents);
        }

        public void unbind() {
            if (current.get() == documents) {
                current.remove();
            }
        }

        /** The ids the batch's events are about, read together when a collection is first needed. */
        public void expect(Collection<String> ids) {
            documents.expect(ids);
        }

        /** Writes what the handlers changed; returns the number of documents written. */
        public int flush() {
            int written = documents.flush();
            flushed = true;
            return written;
        }

        /**
         * Ends the batch; whatever was not flushed is dropped. After a failure the cache is dropped too, as a partly
         * written batch may have left MongoDB different from it.
         */
        @Override
        public void close() {
            unbind();
            if (!flushed) {
                cache.clear();
            }
        }
    }

    /** Read-model documents in memory only, as the handlers called on this thread make them. */
    public final class Detached implements AutoCloseable {

        private final DocumentBatch documents;

        private Detached(DocumentBatch documents) {
            this.documents = documents;
        }

        /** The document as the handlers left it (live: later handler calls change it); null when absent. */
        public Document document(String collection, String id) {
            return documents.held(collection, id);
        }

        /** Every document of the collection the handlers created so far, by id (live, as above). */
        public Map<String, Document> documents(String collection) {
            return documents.held(collection);
        }

        /** Every document held, by collection and id (live, as above). */
        public Map<String, Map<String, Document>> all() {
            Map<String, Map<String, Document>> out = new java.util.LinkedHashMap<>();
            documents.collectionNames().forEach(name -> out.put(name, documents.held(name)));
            return out;
        }

        /** Puts a document in memory as if the handlers had made it (a fold resumed from a kept state). */
        public void seed(String collection, String id, Document document) {
            documents.seed(collection, id, document);
        }

        @Override
        public void close() {
            if (current.get() == documents) {
                current.remove();
            }
        }
    }
}
