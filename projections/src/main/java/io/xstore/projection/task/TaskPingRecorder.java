package io.xstore.projection.task;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.xstore.api.task.RecordTaskPingCommand;
import io.xstore.api.task.RecordTaskWorkerReportCommand;
import io.xstore.projection.store.ReadModelStore;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.OwnedDocuments;
import io.xstore.readmodel.Ownership;
import org.axonframework.commandhandling.CommandHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * tasks.ping is liveness, not history: it is not event-sourced. This handler updates {@code last_update} (and
 * {@code active_duration} of a running task) straight in the read model and answers whether the task exists in the
 * caller's company. It lives here because this module owns the {@code tasks} collection.
 */
@Component
public class TaskPingRecorder {

    private final MongoCollection<Document> tasks;
    private final ReadModelStore store;

    public TaskPingRecorder(ReadModelStore store) {
        this.tasks = store.database().getCollection(Collections.TASKS);
        this.store = store;
    }

    @CommandHandler
    public boolean handle(RecordTaskPingCommand command) {
        Document task = OwnedDocuments.byId(tasks, command.taskId(), Ownership.company(command.audit().companyId()),
                Projections.include("status", "started"));
        if (task == null) {
            return false;
        }
        Instant now = command.audit().at();
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("last_update", Date.from(now))));
        Date started = task.getDate("started");
        if ("in_progress".equals(task.getString("status")) && started != null) {
            long seconds = Math.max(0, Duration.between(started.toInstant(), now).toSeconds());
            updates.add(Updates.set("active_duration", seconds));
        }
        tasks.updateOne(Filters.eq("_id", command.taskId()), Updates.combine(updates));
        store.invalidate(Collections.TASKS, command.taskId());
        return true;
    }

    /** workers.status_report naming a task: the worker running it and when it last reported (liveness). */
    @CommandHandler
    public boolean handle(RecordTaskWorkerReportCommand command) {
        Document task = OwnedDocuments.byId(tasks, command.taskId(), Ownership.company(command.audit().companyId()),
                Projections.include("status"));
        if (task == null) {
            return false;
        }
        Date now = Date.from(command.audit().at());
        tasks.updateOne(Filters.eq("_id", command.taskId()), Updates.combine(
                Updates.set("last_worker", command.worker()),
                Updates.set("last_worker_report", now),
                Updates.set("last_update", now)));
        store.invalidate(Collections.TASKS, command.taskId());
        return true;
    }
}
