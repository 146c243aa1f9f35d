package io.xstore.migration.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Where a server keeps what inside its data directory (the layout the server module creates), and sizes. */
public final class DataDirs {

    /** The database of the read models when the MongoDB URI names none (see the server's MongoConfiguration). */
    public static final String MONGO_DATABASE = "xstore";

    private DataDirs() {
    }

    public static Path eventLog(Path dataDir) {
        return dataDir.resolve("eventstore").resolve("log");
    }

    public static Path legacyEventStore(Path dataDir) {
        return dataDir.resolve("eventstore").resolve("axon.mv.db");
    }

    /** The file server's storage unless {@code xstore.fileserver.root} moves it. */
    public static Path files(Path dataDir) {
        return dataDir.resolve("files");
    }

    public static Path secrets(Path dataDir) {
        return dataDir.resolve("secrets");
    }

    /** Bytes of the regular files under {@code dir} whose names pass {@code names}; 0 if it does not exist. */
    public static long size(Path dir, Predicate<String> names) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).filter(p -> names.test(p.getFileName().toString()))
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0; // deleted meanwhile
                        }
                    }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** Whether {@code dir} is absent or holds nothing. */
    public static boolean isEmpty(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
