package io.xstore.server.workers;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.xstore.command.task.TaskLiveness;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.OwnedDocuments;
import io.xstore.readmodel.Ownership;
import io.xstore.server.wiring.ReadModelTaskLiveness;
import org.bson.Document;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;


/**
 * tasks.stop's "does a live worker run it" (docs/api/workers.md): the task's {@code last_worker} is a live worker
 * of the registry. A worker the registry does not hold (a restart emptied it, or its timeout passed) counts as live
 * when the task was updated within 600 s (the read-model rule); one that unregistered does not.
 */
@Primary
@Component
public class RegistryTaskLiveness implements TaskLiveness {

    private final WorkerRegistry registry;
    private final ReadModelTaskLiveness readModel;
    private final MongoCollection<Document> tasks;

    public RegistryTaskLiveness(WorkerRegistry registry, ReadModelTaskLiveness readModel, MongoDatabase database) {
        this.registry = registry;
        this.readModel = readModel;
        this.tasks = database.getCollection(Collections.TASKS);
    }

    @Override
    public boolean hasLiveWorker(String taskId, String company) {
        Document task = OwnedDocuments.byId(tasks, taskId, Ownership.company(company),
                Projections.include("last_worker"));
        String worker = task == null ? null : task.getString("last_worker");
        if (worker == null || worker.isEmpty()) {
            return false;
        }
        if (registry.isAlive(company, worker)) {
            return true;
        }
        return !registry.unregistered(company, worker) && readModel.hasLiveWorker(taskId, company);
    }
}
