package io.xstore.projection.metrics;

/**
 * An event log record whose documents wait in the {@link IndexingBuffer}. {@code walKey} names its copy in the
 * pending-records store (null for records that produce nothing, such as undecodable ones); the processor that owns
 * that store deletes the copy once {@link #flushed()} is true.
 */
final class PendingRecord {

    private final int partition;
    private final long offset;
    private final String walKey;
    private volatile boolean flushed;

    PendingRecord(int partition, long offset, String walKey) {
        this.partition = partition;
        this.offset = offset;
        this.walKey = walKey;
    }

    int partition() {
        return partition;
    }

    long offset() {
        return offset;
    }

    String walKey() {
        return walKey;
    }

    boolean flushed() {
        return flushed;
    }

    void markFlushed() {
        flushed = true;
    }
}
