package io.xstore.command.events;

import io.xstore.api.metrics.MetricEventsDeletion;
import io.xstore.api.metrics.MetricLogEntry;
import org.springframework.stereotype.Component;

import java.util.List;

/** Deletes metric events by recording the delete in the event log and waiting until the indexer applied it. */
@Component
public class RecordedDeletes {

    private final MetricEventLog eventLog;
    private final MetricIndexing indexing;

    public RecordedDeletes(MetricEventLog eventLog, MetricIndexing indexing) {
        this.eventLog = eventLog;
        this.indexing = indexing;
    }

    /** Returns how many stored events were deleted. */
    public long apply(MetricEventsDeletion deletion) {
        return indexing.awaitIndexed(List.of(eventLog.append(deletion.target(), MetricLogEntry.of(deletion))));
    }
}
