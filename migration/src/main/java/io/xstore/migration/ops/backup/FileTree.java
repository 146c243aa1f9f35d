package io.xstore.migration.ops.backup;

import io.xstore.migration.ops.Progress;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Copies of the file server's storage with a listing ({@code <sha256>  <relative path>} per file) that a restore
 * checks. Files being uploaded ({@code *.tmp}; the file server moves a whole upload into place atomically) are left
 * out, and so are files deleted while the copy runs.
 */
final class FileTree {

    static final String TEMP_SUFFIX = ".tmp";

    /** Files and bytes copied. */
    record Copied(long files, long bytes) {
    }

    private FileTree() {
    }

    static Copied copy(Path from, Path to, Path listing, Progress progress) {
        List<Path> files = list(from);
        progress.total(files.size());
        long count = 0;
        long bytes = 0;
        try (BufferedWriter out = Files.newBufferedWriter(listing)) {
            for (Path file : files) {
                Path relative = from.relativize(file);
                Path target = to.resolve(relative.toString());
                Files.createDirectories(target.getParent());
                try {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException deletedMeanwhile) {
                    continue;
                }
                out.write(Checksums.sha256(target) + "  " + relative.toString().replace('\\', '/') + "\n");
                count++;
                bytes += Files.size(target);
                progress.at(count);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
        return new Copied(count, bytes);
    }

    /** The listing as relative path to checksum. */
    static Map<String, String> readListing(Path listing) {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<String> lines = Files.lines(listing)) {
            // "<64 hex>  <path>"
            lines.filter(line -> !line.isBlank())
                    .forEach(line -> entries.put(line.substring(66), line.substring(0, 64)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + listing, e);
        }
        return entries;
    }

    /** The files under {@code root} whose checksum differs from the listing or that are missing; empty if all match. */
    static List<String> mismatches(Path root, Map<String, String> listing, Progress progress) {
        List<String> wrong = new ArrayList<>();
        long checked = 0;
        for (var entry : listing.entrySet()) {
            Path file = root.resolve(entry.getKey());
            if (!Files.isRegularFile(file)) {
                wrong.add(entry.getKey() + " missing");
            } else if (!Checksums.sha256(file).equals(entry.getValue())) {
                wrong.add(entry.getKey() + " checksum differs");
            }
            progress.at(++checked);
        }
        return wrong;
    }

    private static List<Path> list(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(TEMP_SUFFIX))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
