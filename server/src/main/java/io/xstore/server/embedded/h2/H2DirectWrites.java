package io.xstore.server.embedded.h2;

import de.bwaldvogel.mongo.MongoCollection;
import io.xstore.projection.store.DirectDocumentWrites;
import java.util.List;

/**
 * The catch-up's direct writes into the embedded MongoDB's file: a collection that exists goes to
 * {@link StoredDocumentsCollection#writeDirect} under the collection's lock (the one every request on it takes), so
 * requests of the server see each flush whole or not at all; one that does not exist yet is created by the driver's
 * first write. The MVStore commits these writes with the rest, in the order they were made, so a position written
 * through the driver after them is never on disk without them.
 */
public final class H2DirectWrites implements DirectDocumentWrites {

    private final H2FileBackend backend;

    public H2DirectWrites(H2FileBackend backend) {
        this.backend = backend;
    }

    @Override
    public boolean write(String database, String collection, List<Write> writes) {
        MongoCollection<?> target = backend.resolveDatabase(database).resolveCollection(collection, false);
        return target instanceof StoredDocumentsCollection stored && stored.writeDirect(writes);
    }
}
