package io.xstore.server.wiring;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.xstore.command.task.InputModels;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.OwnedDocuments;
import io.xstore.readmodel.Ownership;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Input model existence from the {@code models} read model: the company's models and public ones. */
@Component
public class ReadModelInputModels implements InputModels {

    private final MongoCollection<Document> models;

    public ReadModelInputModels(MongoDatabase database) {
        this.models = database.getCollection(Collections.MODELS);
    }

    @Override
    public boolean exists(String modelId, String company) {
        return OwnedDocuments.byId(models, modelId, Ownership.companyOrPublic(company),
                Projections.include("_id")) != null;
    }
}
