package io.xstore.server.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;

/**
 * The H2 backend of mongo-java-server, opened without its full scans. The backend does not implement secondary
 * (non-unique) indexes: it keeps a placeholder that always counts zero entries, and a collection "fills" an empty
 * index by reading every document, twice. At open that happens once per secondary index of every collection (the
 * task read model has seventeen), which made a start with 50,000 tasks take over a minute. The placeholder here
 * reports itself filled, so opening reads only what the unique indexes hold.
 */
final class H2FileBackend extends H2Backend {

    H2FileBackend(String file) {
        super(file);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
            @Override
            protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                    List<IndexKey> keys, boolean sparse) {
                return new FilledPlaceholderIndex(indexName, keys);
            }
        };
    }

    private static final class FilledPlaceholderIndex extends EmptyIndex<Object> {

        FilledPlaceholderIndex(String name, List<IndexKey> keys) {
            super(name, keys);
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }
}
