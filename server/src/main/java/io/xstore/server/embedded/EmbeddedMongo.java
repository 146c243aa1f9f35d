package io.xstore.server.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server, a MongoDB wire-compatible server, with its H2 (MVStore) backend persisted in one file, or with
 * its in-memory backend.
 * <p>
 * The read models in it must match the projections' tokens, which live in the event store: whenever they may not,
 * a start leaves a {@link #rebuildFlag} for {@link ReadModelWarmup}, which replays the event store. That is at
 * every start in memory, and on disk when the file is new or the last run did not close it: MVStore commits in the
 * background about once a second, so a killed process loses the last writes while the tokens have moved on.
 */
final class EmbeddedMongo implements EmbeddedService {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    private static final String FILE_NAME = "mongo.mv.db";
    private static final String CLOSED_CLEANLY = "closed-cleanly";
    private static final String REBUILD_NEEDED = "rebuild-needed";

    private final Path dir;
    private final int port;
    private final MongoStorage storage;
    private MongoServer server;

    EmbeddedMongo(Path dir, int port) {
        this(dir, port, MongoStorage.DISK);
    }

    EmbeddedMongo(Path dir, int port, MongoStorage storage) {
        this.dir = dir;
        this.port = port;
        this.storage = storage;
    }

    /** Present while the read models in the embedded MongoDB under {@code dir} are to be rebuilt. */
    static Path rebuildFlag(Path dir) {
        return dir.resolve(REBUILD_NEEDED);
    }

    @Override
    public String start() throws Exception {
        Files.createDirectories(dir);
        boolean closedCleanly = Files.deleteIfExists(dir.resolve(CLOSED_CLEANLY));
        MongoBackend backend;
        if (storage == MongoStorage.MEMORY) {
            discardFileOfEarlierRun();
            backend = new MemoryBackend();
            flagRebuild();
        } else {
            Path file = dir.resolve(FILE_NAME);
            if (!Files.exists(file) || !closedCleanly) {
                flagRebuild();
            }
            backend = new H2Backend(file.toString());
        }
        syncDirectory();
        server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    /** The file of an on-disk run would go stale now; without it, a later on-disk start rebuilds. */
    private void discardFileOfEarlierRun() throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (Files.deleteIfExists(file)) {
            log.info("read models kept in memory: deleted {} of an earlier on-disk run", file);
        }
    }

    private void flagRebuild() throws IOException {
        Path flag = rebuildFlag(dir);
        if (!Files.exists(flag)) {
            Files.createFile(flag);
        }
    }

    @Override
    public Path dataPath() {
        return storage == MongoStorage.MEMORY ? Path.of("(memory)") : dir;
    }

    /** Shutting the server down closes the backend, which commits and closes the MVStore file. */
    @Override
    public void close() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server = null;
        if (storage == MongoStorage.DISK) {
            try {
                Files.createFile(dir.resolve(CLOSED_CLEANLY));
                syncDirectory();
            } catch (IOException e) {
                log.warn("could not mark the embedded MongoDB as closed cleanly (the next start rebuilds): {}",
                        e.toString());
            }
        }
    }

    /** Makes the creation and deletion of the marker files durable before the store is written to. */
    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not every platform can open a directory; the markers are then as durable as the file system makes them
        }
    }
}
