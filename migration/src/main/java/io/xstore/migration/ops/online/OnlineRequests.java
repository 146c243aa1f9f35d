package io.xstore.migration.ops.online;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * How {@code ops reindex} and {@code ops replay} ask a running server to rebuild online: through files in
 * {@code <data-dir>/run/ops/} (whoever may write the data directory may run them; no credentials travel). The tool
 * writes {@code <id>.request} holding the command; the server claims it by renaming it {@code <id>.running}, appends
 * its progress lines to {@code <id>.log}, and writes {@code <id>.done}: {@code ok <summary>} or
 * {@code failed <reason>}.
 */
public final class OnlineRequests {

    static final String REQUEST = ".request";
    static final String RUNNING = ".running";
    static final String LOG = ".log";
    static final String DONE = ".done";
    static final String OK = "ok ";
    static final String FAILED = "failed ";

    private OnlineRequests() {
    }

    public static Path directory(Path dataDir) {
        return dataDir.resolve("run").resolve("ops");
    }

    /** Writes a request for {@code command}; returns its id. */
    static String submit(Path dataDir, String command) {
        String id = command + "-" + System.currentTimeMillis();
        Path dir = directory(dataDir);
        try {
            Files.createDirectories(dir);
            Path temporary = dir.resolve(id + ".tmp");
            Files.writeString(temporary, command + "\n");
            Files.move(temporary, dir.resolve(id + REQUEST), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a request into " + dir, e);
        }
        return id;
    }

    static void append(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void finish(Path dir, String id, boolean ok, String text) {
        try {
            Path temporary = dir.resolve(id + ".done.tmp");
            Files.writeString(temporary, (ok ? OK : FAILED) + text.replace('\n', ' ') + "\n");
            Files.move(temporary, dir.resolve(id + DONE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(dir.resolve(id + RUNNING));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish request " + id, e);
        }
    }
}
