package io.xstore.command.eventstore;

/**
 * Global index to (segment, offset in segment), packed in one long, in chunks so that growing never copies the
 * whole table.
 * <p>
 * Only the writer (or the opening scan) adds; readers look up indexes at or below the published head, whose volatile
 * write follows the additions, so plain array elements are safely visible to them.
 */
final class LocationIndex {

    private static final int CHUNK_BITS = 15;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int OFFSET_BITS = 40;
    private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;

    private volatile long[][] chunks = new long[0][];
    private long size;

    static long pack(int segment, long offset) {
        return ((long) segment << OFFSET_BITS) | offset;
    }

    static int segment(long location) {
        return (int) (location >>> OFFSET_BITS);
    }

    static long offset(long location) {
        return location & OFFSET_MASK;
    }

    /** Number of entries added; writer side only. */
    long size() {
        return size;
    }

    void add(long location) {
        int chunk = (int) (size >>> CHUNK_BITS);
        long[][] current = chunks;
        if (chunk == current.length) {
            long[][] grown = java.util.Arrays.copyOf(current, chunk + 1);
            grown[chunk] = new long[CHUNK_SIZE];
            chunks = grown;
            current = grown;
        }
        current[chunk][(int) (size & (CHUNK_SIZE - 1))] = location;
        size++;
    }

    long get(long globalIndex) {
        return chunks[(int) (globalIndex >>> CHUNK_BITS)][(int) (globalIndex & (CHUNK_SIZE - 1))];
    }
}
