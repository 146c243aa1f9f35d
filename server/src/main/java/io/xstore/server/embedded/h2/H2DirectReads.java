package io.xstore.server.embedded.h2;

import de.bwaldvogel.mongo.MongoCollection;
import io.xstore.readmodel.DirectDocumentReads;
import org.bson.RawBsonDocument;

/**
 * Reads by id straight from the embedded MongoDB's file: the collection's map holds each document as the BSON bytes
 * it was stored as, so a read is one map lookup, without the driver, the socket, mongo-java-server's decoding of the
 * document and its encoding of the answer. A map read sees each document whole (before or after a write of it).
 */
public final class H2DirectReads implements DirectDocumentReads {

    private final H2FileBackend backend;

    public H2DirectReads(H2FileBackend backend) {
        this.backend = backend;
    }

    @Override
    public RawBsonDocument find(String database, String collection, String id) {
        MongoCollection<?> target = backend.resolveDatabase(database).resolveCollection(collection, false);
        if (target == null) {
            return null;
        }
        if (!(target instanceof StoredDocumentsCollection stored)) {
            throw new UnsupportedOperationException(collection + " is not kept as stored BSON");
        }
        byte[] bson = stored.storedBson(id);
        return bson == null ? null : new RawBsonDocument(bson);
    }
}
