package io.xstore.projection.metrics;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where a rebuild's replay ends: records below these offsets (per partition) were indexed before and their summaries
 * and file deletions already reached the rest of the system, so replaying them must not repeat those side effects.
 * Records at or past the boundary (written during the rebuild) are live. Kept in a file so that a rebuild interrupted
 * by a restart still knows it.
 */
final class ReplayBoundary {

    private static final ReplayBoundary NONE = new ReplayBoundary(Map.of());

    private final Map<Integer, Long> liveFrom;

    ReplayBoundary(Map<Integer, Long> liveFrom) {
        this.liveFrom = Map.copyOf(liveFrom);
    }

    static ReplayBoundary none() {
        return NONE;
    }

    boolean isLive(int partition, long offset) {
        Long from = liveFrom.get(partition);
        return from == null || offset >= from;
    }

    Map<Integer, Long> liveFrom() {
        return liveFrom;
    }

    boolean isNone() {
        return liveFrom.isEmpty();
    }

    void save(Path file) {
        Properties properties = new Properties();
        new TreeMap<>(liveFrom).forEach((partition, offset) -> properties.setProperty(
                String.valueOf(partition), String.valueOf(offset)));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary)) {
                properties.store(writer, "metric indexer rebuild: offsets from which records are live");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static Optional<ReplayBoundary> load(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<Integer, Long> offsets = new TreeMap<>();
        properties.stringPropertyNames().forEach(partition -> offsets.put(Integer.parseInt(partition),
                Long.parseLong(properties.getProperty(partition).strip())));
        return Optional.of(new ReplayBoundary(offsets));
    }
}
