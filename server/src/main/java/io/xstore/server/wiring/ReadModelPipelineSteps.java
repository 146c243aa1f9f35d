package io.xstore.server.wiring;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.xstore.command.task.PipelineSteps;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.OwnedDocuments;
import io.xstore.readmodel.Ownership;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** The steps of a controller task from the {@code tasks} read model: the company's tasks whose parent it is. */
@Component
public class ReadModelPipelineSteps implements PipelineSteps {

    static final String CONTROLLER = "controller";

    private final MongoCollection<Document> tasks;

    public ReadModelPipelineSteps(MongoDatabase database) {
        this.tasks = database.getCollection(Collections.TASKS);
    }

    @Override
    public List<String> of(String taskId, String company) {
        Document task = OwnedDocuments.byId(tasks, taskId, Ownership.company(company), Projections.include("type"));
        List<String> steps = new ArrayList<>();
        if (task != null && CONTROLLER.equals(task.get("type"))) {
            tasks.find(Filters.and(Filters.eq("company", company), Filters.eq("parent", taskId)))
                    .projection(Projections.include("_id"))
                    .forEach(doc -> steps.add(String.valueOf(doc.get("_id"))));
        }
        return steps;
    }
}
