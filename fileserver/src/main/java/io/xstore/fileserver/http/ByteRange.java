package io.xstore.fileserver.http;

import java.util.Locale;

/**
 * A single {@code Range: bytes=...} request resolved against a file size. Multiple ranges and unparseable
 * headers are ignored (the whole file is served), as RFC 9110 allows.
 */
public record ByteRange(Kind kind, long start, long endInclusive) {

    public enum Kind { IGNORE, SATISFIABLE, UNSATISFIABLE }

    private static final ByteRange IGNORE = new ByteRange(Kind.IGNORE, 0, -1);
    private static final ByteRange UNSATISFIABLE = new ByteRange(Kind.UNSATISFIABLE, 0, -1);

    public long length() {
        return endInclusive - start + 1;
    }

    public static ByteRange parse(String header, long size) {
        if (header == null) {
            return IGNORE;
        }
        String text = header.trim();
        if (!text.toLowerCase(Locale.ROOT).startsWith("bytes=")) {
            return IGNORE;
        }
        String spec = text.substring("bytes=".length()).trim();
        if (spec.indexOf(',') >= 0) {
            return IGNORE;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return IGNORE;
        }
        String first = spec.substring(0, dash).trim();
        String last = spec.substring(dash + 1).trim();
        try {
            if (first.isEmpty()) {
                if (last.isEmpty()) {
                    return IGNORE;
                }
                long suffix = Long.parseLong(last);
                if (suffix < 0) {
                    return IGNORE;
                }
                if (suffix == 0 || size == 0) {
                    return UNSATISFIABLE;
                }
                return new ByteRange(Kind.SATISFIABLE, Math.max(0, size - suffix), size - 1);
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? Long.MAX_VALUE : Long.parseLong(last);
            if (start < 0 || end < start) {
                return IGNORE;
            }
            if (start >= size) {
                return UNSATISFIABLE;
            }
            return new ByteRange(Kind.SATISFIABLE, start, Math.min(end, size - 1));
        } catch (NumberFormatException e) {
            return IGNORE;
        }
    }
}
