package io.xstore.projection.metrics;

import io.xstore.api.metrics.MetricEventsDeletion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a recorded delete: removes the selected events from the index (retrying until done) and, for a whole
 * target, hands the files its image and plot events referenced to the {@link DeletedFilesSink}.
 */
final class EventDeletions {

    private static final Logger log = LoggerFactory.getLogger(EventDeletions.class);

    private final EventIndexSink index;
    private final DeletedFilesSink files;
    private final Retrier retrier;

    EventDeletions(EventIndexSink index, DeletedFilesSink files, Retrier retrier) {
        this.index = index;
        this.files = files;
        this.retrier = retrier;
    }

    /** Returns the number of deleted documents; {@code live} false for a replayed delete (files are not touched). */
    long execute(MetricEventsDeletion deletion, boolean live) {
        boolean all = deletion.scope() == MetricEventsDeletion.Scope.ALL;
        EventSelection selection = all
                ? EventSelection.allOf(deletion.company(), deletion.target())
                : EventSelection.logsOf(deletion.company(), deletion.target(), deletion.olderThan(),
                        deletion.includeMetrics(), deletion.excludeMetrics());
        DeletionTally tally = new DeletionTally();
        retrier.run("deleting " + (all ? "events" : "console events") + " of " + deletion.target(),
                () -> index.delete(selection, tally));
        if (all && live && !tally.fileUrls().isEmpty()) {
            try {
                files.filesDeleted(deletion.target(), deletion.model(), deletion.company(), tally.fileUrls());
            } catch (RuntimeException e) {
                log.warn("files of the deleted events of {} not removed ({} urls): {}", deletion.target(),
                        tally.fileUrls().size(), Retrier.describe(e));
            }
        }
        return tally.deleted();
    }
}
