package io.xstore.readmodel.events;

/**
 * Document ids: re-sending the same (task, iter, metric, variant[, key]) overwrites the earlier event, as in the
 * reference; a console event's id comes from its place in the event log, so replaying the log gives the same ids.
 */
public final class EventDocumentIds {

    private EventDocumentIds() {
    }

    /** {@code iter}, {@code metric}, {@code variant}, {@code key} may be null: only the present ones take part. */
    public static String metricEventId(String task, Long iter, String metric, String variant, String key) {
        StringBuilder raw = new StringBuilder(task);
        if (iter != null) {
            raw.append('-').append(iter);
        }
        if (metric != null) {
            raw.append('-').append(metric);
        }
        if (variant != null) {
            raw.append('-').append(variant);
        }
        if (key != null) {
            raw.append('-').append(key);
        }
        return Md5.hex(raw.toString());
    }

    public static String logEventId(String task, int partition, long offset, int indexInBatch) {
        return Md5.hex("log-" + task + "-" + partition + "-" + offset + "-" + indexInBatch);
    }

    /** The {@link EventFields#SEQ} of an event: sortable by log position, then place in the batch. */
    public static long sequence(int partition, long offset, int indexInBatch) {
        return (offset << 20 | (indexInBatch & 0xFFFFF)) * 64 + (partition & 63);
    }
}
