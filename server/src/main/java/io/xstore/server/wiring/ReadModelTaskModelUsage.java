package io.xstore.server.wiring;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.xstore.command.model.TaskModelUsage;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Links between tasks and models from the {@code tasks} and {@code models} read models. */
@Component
public class ReadModelTaskModelUsage implements TaskModelUsage {

    private final MongoCollection<Document> tasks;
    private final MongoCollection<Document> models;

    public ReadModelTaskModelUsage(MongoDatabase database) {
        this.tasks = database.getCollection(Collections.TASKS);
        this.models = database.getCollection(Collections.MODELS);
    }

    @Override
    public List<String> modelsOfTask(String taskId, String company) {
        return ids(models, Filters.and(Filters.eq("company", company), Filters.eq("task", taskId)));
    }

    @Override
    public List<String> childrenOf(String taskId, String company) {
        return ids(tasks, Filters.and(Filters.eq("company", company), Filters.eq("parent", taskId)));
    }

    @Override
    public List<String> tasksWithInputModel(String modelId, String company) {
        return ids(tasks, Filters.and(Filters.eq("company", company), Filters.eq("models.input.model", modelId)));
    }

    private static List<String> ids(MongoCollection<Document> collection, Bson filter) {
        List<String> ids = new ArrayList<>();
        collection.find(filter).projection(Projections.include("_id"))
                .forEach(doc -> ids.add(String.valueOf(doc.get("_id"))));
        return ids;
    }
}
