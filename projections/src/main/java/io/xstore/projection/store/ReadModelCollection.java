package io.xstore.projection.store;

import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.List;
import java.util.function.Consumer;

/** One read-model collection as the projections see it: documents by {@code _id}, changed in the current batch. */
public final class ReadModelCollection {

    private final String name;
    private final ReadModelStore store;

    ReadModelCollection(String name, ReadModelStore store) {
        this.name = name;
        this.store = store;
    }

    public String name() {
        return name;
    }

    /** The document as the events so far made it (including this batch's changes); null when absent. */
    public Document find(String id) {
        return store.batch().find(name, id);
    }

    /** Creates or replaces the document. */
    public void replace(String id, Document document) {
        write(batch -> batch.replace(name, id, document));
    }

    /**
     * Creates or replaces a document the projections never read back (a row of the audit log): written like
     * {@link #replace}, but not kept in the document cache after, where it would push out the documents later events
     * read (a replay's pages write one such row per event).
     */
    public void replaceWriteOnly(String id, Document document) {
        write(batch -> batch.replaceWriteOnly(name, id, document));
    }

    /** Applies a MongoDB update to the document if it exists. */
    public void update(String id, List<? extends Bson> updates) {
        if (!updates.isEmpty()) {
            write(batch -> batch.update(name, id, Updates.combine(updates)));
        }
    }

    public void delete(String id) {
        write(batch -> batch.delete(name, id));
    }

    /** A change to every matching document (rare: a deleted parent's children). */
    public void updateMany(Bson filter, Bson update) {
        write(batch -> batch.updateMany(name, filter, update));
    }

    /** Empties the collection (a replay's reset). */
    public void clear() {
        write(batch -> batch.clear(name));
    }

    private void write(Consumer<DocumentBatch> change) {
        DocumentBatch batch = store.batch();
        change.accept(batch);
        if (!store.inBatch()) {
            batch.flush();
        }
    }
}
