package io.xstore.fileserver.storage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A file location relative to the storage root: normalized '/'-separated segments, never empty and never
 * above the root. Leading slashes, empty and "." segments are dropped; ".." removes the previous segment.
 */
public final class StoragePath {

    private static final int MAX_SEGMENT_BYTES = 255;

    private final List<String> segments;

    private StoragePath(List<String> segments) {
        this.segments = List.copyOf(segments);
    }

    /** @throws InvalidStoragePathException if the path is empty, escapes the root or cannot name a file */
    public static StoragePath of(String raw) {
        if (raw == null || raw.indexOf('\0') >= 0) {
            throw new InvalidStoragePathException(raw, false, "Invalid path");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : raw.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw new InvalidStoragePathException(raw, true, "Path escapes the storage root");
                }
                segments.remove(segments.size() - 1);
                continue;
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                throw new InvalidStoragePathException(raw, false, "Path segment too long");
            }
            segments.add(segment);
        }
        if (segments.isEmpty()) {
            throw new InvalidStoragePathException(raw, false, "Empty path not allowed");
        }
        return new StoragePath(segments);
    }

    public List<String> segments() {
        return segments;
    }

    public String fileName() {
        return segments.get(segments.size() - 1);
    }

    @Override
    public String toString() {
        return String.join("/", segments);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoragePath that && segments.equals(that.segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }
}
