package io.xstore.server.wiring;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.xstore.command.task.TaskLiveness;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.OwnedDocuments;
import io.xstore.readmodel.Ownership;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

/** A task has a live worker when the read model names its last worker and it was updated within 600 s. */
@Component
public class ReadModelTaskLiveness implements TaskLiveness {

    static final Duration WORKER_TIMEOUT = Duration.ofSeconds(600);

    private final MongoCollection<Document> tasks;
    private final Clock clock;

    @Autowired
    public ReadModelTaskLiveness(MongoDatabase database) {
        this(database, Clock.systemUTC());
    }

    ReadModelTaskLiveness(MongoDatabase database, Clock clock) {
        this.tasks = database.getCollection(Collections.TASKS);
        this.clock = clock;
    }

    @Override
    public boolean hasLiveWorker(String taskId, String company) {
        Document task = OwnedDocuments.byId(tasks, taskId, Ownership.company(company),
                Projections.include("last_worker", "last_update"));
        if (task == null) {
            return false;
        }
        String worker = task.get("last_worker") instanceof String s ? s : null;
        Date lastUpdate = task.get("last_update") instanceof Date d ? d : null;
        return worker != null && !worker.isEmpty() && lastUpdate != null
                && lastUpdate.toInstant().isAfter(clock.instant().minus(WORKER_TIMEOUT));
    }
}
