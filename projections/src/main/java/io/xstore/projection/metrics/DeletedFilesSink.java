package io.xstore.projection.metrics;

import java.util.Set;

/**
 * Receives the file URLs referenced by the events of a target that were just deleted (debug image {@code url}s and
 * plot {@code source_urls}), so the files can be removed. Not called while a rebuild replays old deletions. Called
 * on the indexer's stream thread; a failure is logged and does not stop indexing.
 */
@FunctionalInterface
public interface DeletedFilesSink {

    void filesDeleted(String target, boolean model, String company, Set<String> urls);
}
