package io.xstore.server.embedded.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with the storage formats of {@link DocumentType} and {@link KeyValueType}, the
 * collections of {@link StoredDocumentsCollection} and the {@link PlaceholderSecondaryIndex}; map names and layout are
 * the backend's own. A file marks its format in a map
 * of its own; a file without the mark, written by the plain backend, is copied into the new format once when opened
 * (see {@link H2FormatUpgrade}).
 */
public final class H2FileBackend extends H2Backend {

    private static final String FORMAT_MAP = "xstore.format";
    private static final String FORMAT_KEY = "storage";
    private static final String FORMAT = "bson-documents-1";
    /**
     * How long a chunk no longer needed is kept before its space is reused (H2's default is 45 s). Scans do not rely
     * on it: they register the version they read ({@link StoredDocumentsCollection}). Kept at 10 minutes, it let the
     * file grow by everything written in the last 10 minutes (3.2 GB for 25,000 tasks under a stream of edits).
     */
    private static final int RETENTION_MS = 60 * 1000;
    /**
     * The page cache, in MB (H2's default is 16). Documents stay BSON bytes in it ({@link EncodedDocument}), so this
     * holds the task read model of about 100,000 tasks: a read by id or an update of any task touches memory only.
     */
    private static final int CACHE_MB = 64;
    /**
     * Chunks are compacted in the background once less than this share of them is live (H2's default is 90). The
     * projectors update documents all over the file (a task here, a task there), so chunks empty fast: at 90 the
     * store kept rewriting live pages, and the large write buffers of those rewrites were the biggest allocation of
     * the whole server under a stream of tasks.edit. At 50 the file holds up to about twice its live data.
     */
    private static final int FILL_RATE_PERCENT = 50;

    private H2FileBackend(MVStore store) {
        super(store);
    }

    /** Opens (or creates) the file, upgrading one written in the plain backend's format first. */
    public static H2FileBackend open(Path file) throws IOException {
        if (Files.exists(file)) {
            MVStore store = openStore(file);
            if (store.hasMap(FORMAT_MAP) && FORMAT.equals(store.<String, String>openMap(FORMAT_MAP).get(FORMAT_KEY))) {
                return on(store);
            }
            store.close();
            H2FormatUpgrade.run(file, H2FileBackend::create);
            return on(openStore(file));
        }
        return create(file);
    }

    private static MVStore openStore(Path file) {
        // the settings the file store reads itself (H2 reads them from the builder's when it makes the store)
        Map<String, Object> settings = new HashMap<>();
        settings.put("cacheSize", CACHE_MB);
        settings.put("autoCompactFillRate", FILL_RATE_PERCENT);
        ReusedBuffersFileStore fileStore = new ReusedBuffersFileStore(settings);
        fileStore.open(file.toString(), false, null);
        try {
            return new MVStore.Builder().adoptFileStore(fileStore).cacheSize(CACHE_MB)
                    .autoCompactFillRate(FILL_RATE_PERCENT).open();
        } catch (RuntimeException e) {
            fileStore.close();
            throw e;
        }
    }

    private static H2FileBackend create(Path file) {
        MVStore store = openStore(file);
        store.<String, String>openMap(FORMAT_MAP).put(FORMAT_KEY, FORMAT);
        return on(store);
    }

    private static H2FileBackend on(MVStore store) {
        store.setRetentionTime(RETENTION_MS);
        return new H2FileBackend(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        MVStore store = getMvStore();
        CursorRegistry cursors = getCursorRegistry();
        // an anonymous subclass: H2Database's constructor opens the collections through these overrides
        return new PlaceholderIndexDatabase(databaseName, store, cursors) {
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName,
                                                                     CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                MVMap<Object, Object> documents = store.openMap("databases." + namespace,
                        new MVMap.Builder<Object, Object>().keyType(new DocumentKeyType())
                                .valueType(DocumentType.INSTANCE));
                return new StoredDocumentsCollection(this, collectionName, options, documents, cursors);
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
                MVMap<KeyValue, Object> entries = store.openMap(
                        getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                        new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
                return new MapUniqueIndex(entries, indexName, keys, sparse);
            }
        };
    }

    /** The plain backend, only to read a file of the old format; its secondary indexes are placeholders too. */
    static H2Backend legacy(Path file) {
        return new H2Backend(file.toString()) {
            @Override
            protected MongoDatabase openOrCreateDatabase(String databaseName) {
                return new PlaceholderIndexDatabase(databaseName, getMvStore(), getCursorRegistry());
            }
        };
    }

    /** A database of either format: its secondary indexes are {@link PlaceholderSecondaryIndex}es. */
    private static class PlaceholderIndexDatabase extends H2Database {

        PlaceholderIndexDatabase(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                           List<IndexKey> keys, boolean sparse) {
            return new PlaceholderSecondaryIndex(indexName, keys);
        }
    }
}
