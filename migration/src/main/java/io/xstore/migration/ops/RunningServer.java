package io.xstore.migration.ops;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What the server running on a data directory publishes for the operations tool: the endpoints of its backing
 * services ({@code <data-dir>/run/endpoints.properties}, written once they are up, deleted at shutdown), and whether
 * it runs at all (it holds the OS lock on {@code <data-dir>/.lock}).
 */
public final class RunningServer {

    public static final String KAFKA = "kafka";
    public static final String MONGODB = "mongodb";
    public static final String ELASTICSEARCH = "elasticsearch";
    public static final String FILES_ROOT = "files-root";
    public static final String EVENTS_TOPIC = "events-topic";
    static final String FILE = "run/endpoints.properties";

    private RunningServer() {
    }

    /** Writes the endpoints file of a server that has just started on {@code dataDir}. */
    public static void publish(Path dataDir, Map<String, String> endpoints) {
        Properties p = new Properties();
        p.putAll(endpoints);
        p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        Path file = dataDir.resolve(FILE);
        Path temp = dataDir.resolve(FILE + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(temp)) {
                p.store(writer, "endpoints of the server running on this data directory (for xstore ops)");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static void withdraw(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE));
        } catch (IOException ignored) {
            // stale file: the lock tells whether a server runs
        }
    }

    /** The endpoints of the server running on {@code dataDir}; empty when none runs (or it is still starting). */
    public static Optional<Properties> endpoints(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!isRunning(dataDir) || !Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /** Whether a process holds the data directory's lock (this one included). */
    public static boolean isRunning(Path dataDir) {
        Path lock = dataDir.resolve(".lock");
        if (!Files.exists(lock)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return true;
            }
            held.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
