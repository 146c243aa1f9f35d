package io.xstore.migration;

import java.util.function.Consumer;

/** Rebuilds the Elasticsearch event indices by replaying the metric event log; implemented by the server. */
public interface EventIndexRebuild {

    /** Drops the indices, replays the whole log into them, and returns once caught up; progress goes line by line. */
    void rebuild(Consumer<String> progress);
}
