package io.xstore.migration.ops.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What an import did per kind of entity (imported, already there) and everything it could not map, one line each. */
final class ImportReport {

    private final Map<String, long[]> counts = new TreeMap<>();
    private final List<String> unmapped = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    synchronized void imported(String kind) {
        counts.computeIfAbsent(kind, k -> new long[2])[0]++;
    }

    synchronized void skipped(String kind) {
        skipped(kind, 1);
    }

    synchronized void skipped(String kind, long count) {
        counts.computeIfAbsent(kind, k -> new long[2])[1] += count;
    }

    synchronized void unmapped(String kind, String id, String why) {
        unmapped.add(kind + " " + id + ": " + why);
    }

    /** Imported, but not quite as on the source, or with something the operator should know. */
    synchronized void noted(String kind, String id, String what) {
        notes.add(kind + " " + id + ": " + what);
    }

    synchronized int notedCount() {
        return notes.size();
    }

    synchronized long imported(String kind, boolean already) {
        long[] c = counts.get(kind);
        return c == null ? 0 : c[already ? 1 : 0];
    }

    synchronized int unmappedCount() {
        return unmapped.size();
    }

    /** "tasks 12 (3 already there), ..." */
    synchronized String counts() {
        StringBuilder line = new StringBuilder();
        counts.forEach((kind, c) -> {
            if (line.length() > 0) {
                line.append(", ");
            }
            line.append(kind).append(' ').append(c[0]);
            if (c[1] > 0) {
                line.append(" (").append(c[1]).append(" already there)");
            }
        });
        return line.toString();
    }

    synchronized void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            List<String> lines = new ArrayList<>();
            lines.add("# import report: " + counts());
            lines.add("# not mapped (" + unmapped.size() + "):");
            lines.addAll(unmapped);
            lines.add("# imported with a note (" + notes.size() + "):");
            lines.addAll(notes);
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
