package io.xstore.projection.store;

import com.mongodb.client.MongoDatabase;
import org.springframework.stereotype.Component;

/**
 * Where the projections write the MongoDB read models. A projector opens a {@link Batch} around a batch of events, so
 * the handlers' changes are folded per document and written once when it closes; outside a batch (a test calling a
 * handler) each change is written at once.
 */
@Component
public class ReadModelStore {

    private final MongoDatabase database;
    private final ThreadLocal<DocumentBatch> current = new ThreadLocal<>();

    public ReadModelStore(MongoDatabase database) {
        this.database = database;
    }

    public MongoDatabase database() {
        return database;
    }

    public ReadModelCollection collection(String name) {
        return new ReadModelCollection(name, this);
    }

    /** Binds a batch to this thread until {@link Batch#close()}. */
    public Batch open() {
        if (current.get() != null) {
            throw new IllegalStateException("a read-model batch is already open on this thread");
        }
        DocumentBatch batch = new DocumentBatch(database);
        current.set(batch);
        return new Batch(batch);
    }

    /** The open batch of this thread, or a throwaway one the caller flushes at once. */
    DocumentBatch batch() {
        DocumentBatch batch = current.get();
        return batch != null ? batch : new DocumentBatch(database);
    }

    boolean inBatch() {
        return current.get() != null;
    }

    /** The changes of one batch of events. */
    public final class Batch implements AutoCloseable {

        private final DocumentBatch documents;

        private Batch(DocumentBatch documents) {
            this.documents = documents;
        }

        /** Writes what the handlers changed; returns the number of documents written. */
        public int flush() {
            return documents.flush();
        }

        /** Ends the batch; whatever was not flushed is dropped (a failed batch leaves no trace). */
        @Override
        public void close() {
            current.remove();
        }
    }
}
