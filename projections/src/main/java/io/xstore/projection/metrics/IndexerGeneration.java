package io.xstore.projection.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The number of the current index build, in a small file of the indexer's state directory. It is part of the
 * Streams application id, so a rebuild runs as a new application: new consumer group reading from the start of the
 * log, new state store changelogs.
 */
final class IndexerGeneration {

    private final Path file;

    IndexerGeneration(Path stateDir) {
        this.file = stateDir.resolve("generation");
    }

    int current() {
        try {
            return Files.exists(file) ? Integer.parseInt(Files.readString(file).strip()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    int next() {
        int next = current() + 1;
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("generation.tmp");
            Files.writeString(temporary, next + "\n");
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return next;
    }
}
