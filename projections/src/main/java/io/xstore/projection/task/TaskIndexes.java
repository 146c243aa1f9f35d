package io.xstore.projection.task;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Indexes for every filter and sort the task queries use (docs/api/README.md, Lists). */
final class TaskIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(TaskIndexes.class);

    private TaskIndexes() {
    }

    static void create(MongoCollection<Document> tasks) {
        List<Bson> indexes = List.of(
                Indexes.ascending("company", "project"),
                Indexes.ascending("company", "last_update"),
                Indexes.ascending("status"),
                Indexes.ascending("name"),
                Indexes.ascending("tags"),
                Indexes.ascending("system_tags"),
                Indexes.ascending("user"),
                Indexes.ascending("parent"),
                Indexes.ascending("type"),
                Indexes.ascending("created"),
                Indexes.ascending("started"),
                Indexes.ascending("last_iteration"),
                Indexes.ascending("status_changed"),
                Indexes.ascending("last_change"),
                Indexes.ascending("execution.queue"),
                Indexes.ascending("models.input.model"));
        for (Bson index : indexes) {
            try {
                tasks.createIndex(index);
            } catch (MongoException e) {
                LOG.warn("Could not create task index {}: {}", index, e.getMessage());
            }
        }
    }
}
