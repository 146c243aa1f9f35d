package io.xstore.projection.metrics;

import java.time.Duration;

/**
 * What every stream task of one running indexer shares. {@code flushThread}: a thread of its own runs the timed
 * flushes ({@link IndexingBuffer#flushWhenDue}); without one (tests) the stream thread does.
 */
record IndexerParts(IndexingBuffer buffer, EventDeletions deletions, IndexingProgress progress,
                    ReplayBoundary boundary, Duration flushInterval, boolean flushThread) {
}
