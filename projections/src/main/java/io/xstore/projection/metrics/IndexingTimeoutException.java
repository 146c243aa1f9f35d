package io.xstore.projection.metrics;

/** The metric indexer did not process some event log records within the time a caller was willing to wait. */
public class IndexingTimeoutException extends RuntimeException {

    public IndexingTimeoutException(String message) {
        super(message);
    }
}
