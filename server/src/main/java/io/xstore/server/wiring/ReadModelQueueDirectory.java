package io.xstore.server.wiring;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.xstore.command.queue.QueueDirectory;
import io.xstore.command.queue.QueuesWriteEndpoints;
import io.xstore.protocol.ApiError;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.OwnedDocuments;
import io.xstore.readmodel.Ownership;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The queue lookups of the write side, on the {@code queues} and {@code tasks} read models. */
@Component
public class ReadModelQueueDirectory implements QueueDirectory, QueuesWriteEndpoints.TaskInfo {

    static final String DEFAULT_TAG = "default";

    private final MongoCollection<Document> queues;
    private final MongoCollection<Document> tasks;

    public ReadModelQueueDirectory(MongoDatabase database) {
        this.queues = database.getCollection(Collections.QUEUES);
        this.tasks = database.getCollection(Collections.TASKS);
    }

    @Override
    public Optional<String> defaultQueue(String company) {
        List<String> ids = new ArrayList<>();
        for (Document queue : queues.find(Filters.and(Filters.eq("company", company),
                Filters.eq("system_tags", DEFAULT_TAG))).projection(Projections.include("_id"))) {
            ids.add(queue.getString("_id"));
        }
        if (ids.size() > 1) {
            throw ApiError.MULTIPLE_DEFAULT_QUEUES.toException(Map.of("queues", ids));
        }
        return ids.stream().findFirst();
    }

    @Override
    public List<String> queuesContaining(String taskId, String company) {
        List<String> ids = new ArrayList<>();
        for (Document queue : queues.find(Filters.eq("entries.task", taskId))
                .projection(Projections.include("_id", "company"))) {
            if (Objects.equals(company, queue.getString("company"))) {
                ids.add(queue.getString("_id"));
            }
        }
        return ids;
    }

    /** {@code {company, user}} of a task of the caller's company; 400/101 otherwise. */
    @Override
    public Map<String, Object> of(String taskId, String company) {
        Document task = OwnedDocuments.byId(tasks, taskId, Ownership.company(company),
                Projections.include("company", "user"));
        if (task == null) {
            throw ApiError.INVALID_TASK_ID.toException(Map.of("id", taskId, "company", company));
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("company", task.getString("company"));
        info.put("user", task.getString("user"));
        return info;
    }
}
