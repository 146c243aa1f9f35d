package io.xstore.server.embedded.h2;

import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import java.util.List;

/**
 * What stands for a secondary (non-unique) index, which mongo-java-server does not implement: its own placeholder
 * always counts zero entries, so a collection "fills" it by reading every document, twice, each time a database is
 * opened (the task read model has seventeen such indexes: a start with 50,000 tasks took minutes). This one reports
 * itself filled.
 */
final class PlaceholderSecondaryIndex extends EmptyIndex<Object> {

    PlaceholderSecondaryIndex(String name, List<IndexKey> keys) {
        super(name, keys);
    }

    @Override
    public boolean isEmpty() {
        return false;
    }
}
