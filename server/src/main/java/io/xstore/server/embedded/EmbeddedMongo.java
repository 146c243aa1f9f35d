package io.xstore.server.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.xstore.readmodel.DirectDocumentReads;
import io.xstore.server.embedded.h2.H2DirectReads;
import io.xstore.projection.store.DirectDocumentWrites;
import io.xstore.server.embedded.h2.H2DirectWrites;
import io.xstore.server.embedded.h2.H2FileBackend;
import org.h2.mvstore.MVStoreException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server, a MongoDB wire-compatible server, with its H2 (MVStore) backend persisted in one file, or with
 * its in-memory backend.
 * <p>
 * The projectors keep their positions in it beside the read models (see {@code ProjectorPositions}). MVStore commits
 * in the background, so a killed process loses its last writes, but what survives is a consistent earlier state in
 * which every position is written after the documents it covers: the projectors resume from there and apply the tail
 * again. The documents a catch-up writes straight into the maps ({@link #directWrites}) are in them before its
 * position is sent, as those written through the driver are. In memory the positions go with the read models, so every start replays the store.
 */
final class EmbeddedMongo implements EmbeddedService {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    private static final String FILE_NAME = "mongo.mv.db";

    private final Path dir;
    private final int port;
    private final MongoStorage storage;
    private MongoServer server;
    private volatile DirectDocumentReads directReads = DirectDocumentReads.NONE;
    private volatile DirectDocumentWrites directWrites = DirectDocumentWrites.NONE;

    EmbeddedMongo(Path dir, int port) {
        this(dir, port, MongoStorage.DISK);
    }

    EmbeddedMongo(Path dir, int port, MongoStorage storage) {
        this.dir = dir;
        this.port = port;
        this.storage = storage;
    }

    @Override
    public String start() throws Exception {
        Files.createDirectories(dir);
        MongoBackend backend;
        if (storage == MongoStorage.MEMORY) {
            discardFileOfEarlierRun();
            backend = new MemoryBackend();
        } else {
            H2FileBackend file = openFile(dir.resolve(FILE_NAME));
            directReads = new H2DirectReads(file);
            directWrites = new H2DirectWrites(file);
            backend = file;
        }
        server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    /** Reads by id straight from the file's maps (see {@link H2DirectReads}); none in memory. */
    DirectDocumentReads directReads() {
        return directReads;
    }

    /**
     * How the projectors write read-model documents into this server without the driver: into the file's maps
     * directly (see {@link H2DirectWrites}); nothing in memory, where the driver takes every write.
     */
    DirectDocumentWrites directWrites() {
        return directWrites;
    }

    /**
     * Opens the file; one MVStore cannot read is set aside and a new one started, from which the projectors rebuild
     * the read models (they hold nothing the event store does not).
     */
    private static H2FileBackend openFile(Path file) throws IOException {
        try {
            return H2FileBackend.open(file);
        } catch (MVStoreException e) {
            Path aside = file.resolveSibling(FILE_NAME + ".unreadable-" + System.currentTimeMillis());
            Files.move(file, aside);
            log.error("the embedded MongoDB file {} cannot be read ({}); moved it to {} and started a new one: "
                    + "the read models are rebuilt from the event store, pending file deletions and logouts of "
                    + "that file are lost",
                    file, e.getMessage(), aside);
            return H2FileBackend.open(file);
        }
    }

    /** The file of an on-disk run would go stale now; without it, a later on-disk start replays the store. */
    private void discardFileOfEarlierRun() throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (Files.deleteIfExists(file)) {
            log.info("read models kept in memory: deleted {} of an earlier on-disk run", file);
        }
    }

    @Override
    public Path dataPath() {
        return storage == MongoStorage.MEMORY ? Path.of("(memory)") : dir;
    }

    /** Shutting the server down closes the backend, which commits and closes the MVStore file. */
    @Override
    public void close() {
        if (server != null) {
            directReads = DirectDocumentReads.NONE;
            directWrites = DirectDocumentWrites.NONE;
            server.shutdown();
            server = null;
        }
    }
}
