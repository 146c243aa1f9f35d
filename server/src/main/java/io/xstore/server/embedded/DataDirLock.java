package io.xstore.server.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive ownership of a data directory: an OS file lock on {@code <data-dir>/.lock} holding the owner's pid.
 * The OS drops the lock when the process dies, so a crash never leaves a stale lock behind.
 */
public final class DataDirLock implements AutoCloseable {

    static final String LOCK_FILE = ".lock";

    private final Path dataDir;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path dataDir, FileChannel channel, FileLock lock) {
        this.dataDir = dataDir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks the directory (creating it if needed) or throws {@link DataDirInUseException}. */
    public static DataDirLock acquire(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(LOCK_FILE);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String owner = readOwner(channel);
                channel.close();
                throw new DataDirInUseException(dir, owner);
            }
            writeOwner(channel, Long.toString(ProcessHandle.current().pid()));
            return new DataDirLock(dir, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock data dir " + dir, e);
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release lock of data dir " + dataDir, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very process (a second application context on the same data dir)
        }
    }

    private static String readOwner(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        int read = channel.read(buffer, 0);
        String text = read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.UTF_8).trim();
        return text.isEmpty() ? "unknown" : text;
    }

    private static void writeOwner(FileChannel channel, String pid) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((pid + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }
}
