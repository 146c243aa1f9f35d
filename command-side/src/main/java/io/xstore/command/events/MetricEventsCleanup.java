package io.xstore.command.events;

import io.xstore.api.AuditEntry;
import io.xstore.api.metrics.MetricEventsDeletion;
import io.xstore.api.model.ModelDeletedEvent;
import io.xstore.api.task.TaskDeletedEvent;
import io.xstore.api.task.TaskResetEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A reset or deleted task (or deleted model) loses its metric events: a delete is recorded in the event log, so the
 * indices drop them now and a replay of the log drops them again. Its own tracking processor starts at the head of
 * the event store and is never replayed, so old resets are not re-applied to newer events.
 */
@Component
@ProcessingGroup(MetricEventsCleanup.PROCESSING_GROUP)
public class MetricEventsCleanup {

    public static final String PROCESSING_GROUP = "metric-events-cleanup";

    private final RecordedDeletes deletes;

    public MetricEventsCleanup(RecordedDeletes deletes) {
        this.deletes = deletes;
    }

    @EventHandler
    void on(TaskResetEvent event) {
        deleteAll(event.taskId(), false, event.audit());
    }

    @EventHandler
    void on(TaskDeletedEvent event) {
        deleteAll(event.taskId(), false, event.audit());
    }

    @EventHandler
    void on(ModelDeletedEvent event) {
        deleteAll(event.modelId(), true, event.audit());
    }

    private void deleteAll(String target, boolean model, AuditEntry audit) {
        deletes.apply(new MetricEventsDeletion(target, model, audit.companyId(), MetricEventsDeletion.Scope.ALL, null,
                List.of(), List.of(), audit));
    }
}
