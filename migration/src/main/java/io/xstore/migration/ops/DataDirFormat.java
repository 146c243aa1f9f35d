package io.xstore.migration.ops;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Properties;

/**
 * The format of a data directory, kept in {@code <data-dir>/format-version}: which server wrote it and what it
 * holds, so that a newer server knows what to upgrade on start and {@code ops check} can tell what an upgrade will
 * do. Format 1 is every data directory written before the file existed.
 * <ul>
 *   <li>1: event store and read models of servers before the operations tool (no record of what built them)</li>
 *   <li>2: this file; read models built by a server that knew every stored event revision</li>
 * </ul>
 * Raise {@link #CURRENT} when a change needs the read models (or indices) rebuilt on the first start of the new
 * server, and say so in {@link #readModelsRebuiltFrom}.
 */
public final class DataDirFormat {

    public static final int CURRENT = 2;
    public static final String FILE = "format-version";
    private static final String FORMAT = "format";
    private static final String WRITTEN_BY = "written-by";
    private static final String UPGRADED_FROM = "upgraded-from";
    private static final String UPDATED = "updated";

    /** What the file says; {@code format} 0 for a data directory that holds nothing yet. */
    public record Found(int format, String writtenBy, boolean fileExists) {
        public boolean newerThanThisServer() {
            return format > CURRENT;
        }

        public boolean needsUpgrade() {
            return format > 0 && format < CURRENT;
        }
    }

    private DataDirFormat() {
    }

    /** The format of {@code dataDir}; {@code holdsEvents} tells an empty directory (0) from a format-1 one. */
    public static Found read(Path dataDir, boolean holdsEvents) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return new Found(holdsEvents ? 1 : 0, "a server before the operations tool", false);
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        int format;
        try {
            format = Integer.parseInt(p.getProperty(FORMAT, "1").trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + " holds no format number: " + p.getProperty(FORMAT));
        }
        return new Found(format, p.getProperty(WRITTEN_BY, "unknown"), true);
    }

    /** Whether going from {@code format} to {@link #CURRENT} needs the read models rebuilt. */
    public static boolean readModelsRebuiltFrom(int format) {
        return format > 0 && format < 2;
    }

    /** Records that the directory is now in the current format (written atomically). */
    public static void writeCurrent(Path dataDir, int upgradedFrom) {
        write(dataDir, CURRENT, upgradedFrom);
    }

    /** Records the format of {@code dataDir} (a restore keeps its backup's, so the first start upgrades it). */
    public static void write(Path dataDir, int format, int upgradedFrom) {
        Properties p = new Properties();
        p.setProperty(FORMAT, Integer.toString(format));
        p.setProperty(WRITTEN_BY, ServerVersion.current());
        p.setProperty(UPDATED, Instant.now().toString());
        if (upgradedFrom > 0 && upgradedFrom != format) {
            p.setProperty(UPGRADED_FROM, Integer.toString(upgradedFrom));
        }
        Path file = dataDir.resolve(FILE);
        Path temp = dataDir.resolve(FILE + ".tmp");
        try {
            Files.createDirectories(dataDir);
            try (Writer writer = Files.newBufferedWriter(temp)) {
                p.store(writer, "xstore data directory format; see docs/operations.md");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
