package io.xstore.projection.metrics;

/** The indexer is shutting down while a write was still being retried; the record is indexed on the next start. */
public class IndexerStoppedException extends RuntimeException {

    public IndexerStoppedException(String message) {
        super(message);
    }
}
