package io.xstore.server.embedded.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.exception.NamespaceExistsException;
import io.xstore.projection.store.DirectDocumentWrites;
import java.util.List;

/**
 * The catch-up's direct writes into the embedded MongoDB's file: a collection that exists goes to
 * {@link StoredDocumentsCollection#writeDirect} under the collection's lock (the one every request on it takes), so
 * requests of the server see each flush whole or not at all; one that does not exist yet is created first, as the
 * server creates it on a first insert. The MVStore commits these writes with the rest, in the order they were made, so a position written
 * through the driver after them is never on disk without them.
 */
public final class H2DirectWrites implements DirectDocumentWrites {

    private final H2FileBackend backend;

    public H2DirectWrites(H2FileBackend backend) {
        this.backend = backend;
    }

    @Override
    public boolean write(String database, String collection, List<Write> writes) {
        MongoDatabase db = backend.resolveDatabase(database);
        MongoCollection<?> target = db.resolveCollection(collection, false);
        if (target == null) {
            try {
                // as the server creates a collection on the first insert into it: default options, the _id index
                target = db.createCollectionOrThrowIfExists(collection);
            } catch (NamespaceExistsException createdMeanwhile) {
                target = db.resolveCollection(collection, false);
            }
        }
        return target instanceof StoredDocumentsCollection stored && stored.writeDirect(writes);
    }
}
