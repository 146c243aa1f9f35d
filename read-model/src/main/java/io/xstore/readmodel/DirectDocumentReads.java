package io.xstore.readmodel;

import org.bson.RawBsonDocument;

/**
 * Reads of one read-model document by id that skip the MongoDB driver: offered by a MongoDB running in this process
 * (the embedded one, when it keeps its data in its file), where a lookup by id is a map lookup of the stored BSON.
 * Every other deployment reads through the driver ({@link #NONE}).
 */
public interface DirectDocumentReads {

    /** Reads nothing: every read goes through the driver. */
    DirectDocumentReads NONE = new DirectDocumentReads() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public RawBsonDocument find(String database, String collection, String id) {
            throw new UnsupportedOperationException("no direct reads here");
        }
    };

    default boolean enabled() {
        return true;
    }

    /**
     * The document as stored, null when the collection or the document does not exist; throws
     * {@link UnsupportedOperationException} for a document the driver must read.
     */
    RawBsonDocument find(String database, String collection, String id);
}
