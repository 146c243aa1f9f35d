package io.xstore.projection.task;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import io.xstore.api.task.RecordTaskPingCommand;
import io.xstore.api.task.RecordTaskWorkerReportCommand;
import io.xstore.projection.store.ReadModelStore;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.DirectDocumentReads;
import io.xstore.readmodel.OwnedDocuments;
import io.xstore.readmodel.Ownership;
import io.xstore.readmodel.RawDocumentCache;
import org.axonframework.commandhandling.CommandHandler;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * tasks.ping is liveness, not history: it is not event-sourced. This handler updates {@code last_update} (and
 * {@code active_duration} of a running task) straight in the read model and answers whether the task exists in the
 * caller's company. It lives here because this module owns the {@code tasks} collection. The task is read as
 * {@code tasks.get_by_id} reads it (the read side's copy, else the stored BSON) and the change written as the
 * projectors write theirs ({@link ReadModelStore#updateNow}): a ping costs no round trip to the embedded MongoDB.
 */
@Component
public class TaskPingRecorder {

    private static final BsonString IN_PROGRESS = new BsonString("in_progress");

    private final MongoCollection<Document> tasks;
    private final ReadModelStore store;
    private final RawDocumentCache documentCache;
    private final DirectDocumentReads directReads;

    public TaskPingRecorder(ReadModelStore store) {
        this(store, new RawDocumentCache(0), DirectDocumentReads.NONE);
    }

    @Autowired
    public TaskPingRecorder(ReadModelStore store, RawDocumentCache documentCache,
                            ObjectProvider<DirectDocumentReads> directReads) {
        this(store, documentCache, directReads.getIfAvailable(() -> DirectDocumentReads.NONE));
    }

    private TaskPingRecorder(ReadModelStore store, RawDocumentCache documentCache, DirectDocumentReads directReads) {
        this.tasks = store.database().getCollection(Collections.TASKS);
        this.store = store;
        this.documentCache = documentCache;
        this.directReads = directReads;
    }

    @CommandHandler
    public boolean handle(RecordTaskPingCommand command) {
        RawBsonDocument task = task(command.taskId(), command.audit().companyId());
        if (task == null) {
            return false;
        }
        Instant now = command.audit().at();
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("last_update", Date.from(now))));
        BsonValue started = task.get("started");
        if (IN_PROGRESS.equals(task.get("status")) && started != null && started.isDateTime()) {
            long seconds = Math.max(0, Duration.between(Instant.ofEpochMilli(started.asDateTime().getValue()), now)
                    .toSeconds());
            updates.add(Updates.set("active_duration", seconds));
        }
        store.updateNow(Collections.TASKS, command.taskId(), Updates.combine(updates));
        return true;
    }

    /** workers.status_report naming a task: the worker running it and when it last reported (liveness). */
    @CommandHandler
    public boolean handle(RecordTaskWorkerReportCommand command) {
        if (task(command.taskId(), command.audit().companyId()) == null) {
            return false;
        }
        Date now = Date.from(command.audit().at());
        store.updateNow(Collections.TASKS, command.taskId(), Updates.combine(
                Updates.set("last_worker", command.worker()),
                Updates.set("last_worker_report", now),
                Updates.set("last_update", now)));
        return true;
    }

    private RawBsonDocument task(String id, String companyId) {
        return OwnedDocuments.rawById(tasks, id, Ownership.company(companyId), documentCache, Collections.TASKS,
                directReads);
    }
}
