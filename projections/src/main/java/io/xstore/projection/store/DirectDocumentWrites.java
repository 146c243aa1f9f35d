package io.xstore.projection.store;

import org.bson.codecs.configuration.CodecRegistry;

import java.util.List;
import java.util.Map;

/**
 * Writes of read-model documents that skip the MongoDB driver: offered by a MongoDB running in this process (the
 * embedded one, when it keeps its data in its file), used by every batch of the projectors (at the head, and the
 * catch-up of a replay or a start far behind it). The documents are the BSON bytes the driver would have sent, so the
 * server keeps what a bulk write would have left. A collection the implementation cannot take as it is (absent, on
 * another backend, with a unique index besides {@code _id}) answers false and its writes go through the driver.
 */
public interface DirectDocumentWrites {

    /** Takes nothing: every write goes through the driver. */
    DirectDocumentWrites NONE = (database, collection, writes) -> false;

    /**
     * Applies the writes to the collection as one unordered bulk write would (each id at most once, except updates,
     * which apply in order); false, having written nothing, when the driver must take them. Throws, having written nothing, when an insert finds its id.
     */
    boolean write(String database, String collection, List<Write> writes);

    /** A replacement (or creation) of this document, {@code _id} first, its values encoded by {@code registry}. */
    static Replace replace(String id, Map<String, ?> document, CodecRegistry registry) {
        return new Replace(id, WireBson.bytes(document, registry));
    }

    /** One document's write. */
    sealed interface Write permits Insert, Replace, Update, Delete {
        String id();
    }

    /** A new document; {@code bson} starts with its {@code _id}. */
    record Insert(String id, byte[] bson) implements Write {
    }

    /** Replaces the document or creates it (an upsert); {@code bson} starts with its {@code _id}. */
    record Replace(String id, byte[] bson) implements Write {
    }

    /** A {@code $set} and/or {@code $unset} of top-level fields of the document, if it exists. */
    record Update(String id, byte[] update) implements Write {
    }

    record Delete(String id) implements Write {
    }
}
