package io.xstore.migration.ops.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * How far the metric events of each source index were carried over ({@code <data-dir>/import/checkpoint.properties}),
 * written after each page is in the metric event log, so a re-run continues after it. Entities need no
 * checkpoint: one that is already in the event store is skipped.
 */
final class ImportCheckpoint {

    private final Path file;
    private final Properties done = new Properties();

    ImportCheckpoint(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                done.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    long eventsDone(String index) {
        return Long.parseLong(done.getProperty("events." + index, "0"));
    }

    void eventsDone(String index, long count) {
        done.setProperty("events." + index, Long.toString(count));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(temp)) {
                done.store(writer, "xstore import: metric events carried over per source index");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
