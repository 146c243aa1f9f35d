package io.xstore.projection.metrics;

import java.util.List;

/**
 * Where event documents are stored (Elasticsearch in production). Every write is visible to searches when the
 * call returns. Failures are reported by exceptions; the caller retries.
 */
public interface EventIndexSink {

    /** Creates what the indices need before the first write (index template); safe to call repeatedly. */
    void prepare();

    /**
     * Indexes (creates or overwrites) the documents, in order. Returns the writes that failed for a temporary reason
     * and should be sent again (empty when all are stored). Writes rejected for good (a malformed document) are
     * logged and not returned.
     */
    List<EventWrite> write(List<EventWrite> writes);

    /**
     * Deletes the selected events, adding the number deleted and the file URLs of deleted image and plot events to
     * {@code tally} as it goes (a retry after a failure continues with the same tally).
     */
    void delete(EventSelection selection, DeletionTally tally);

    /** Deletes every event index ({@code events-*}), for a rebuild. */
    void dropAllIndices();
}
