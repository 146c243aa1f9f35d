package io.xstore.server.events;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.xstore.command.events.EventTargets;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.OwnedDocuments;
import io.xstore.readmodel.Ownership;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/** Event targets from the tasks and models read models: same company only; published tasks and ready models lock. */
@Component
public class ReadModelEventTargets implements EventTargets {

    private static final Set<String> LOCKED_STATUSES = Set.of("published", "publishing");

    private final MongoCollection<Document> tasks;
    private final MongoCollection<Document> models;

    public ReadModelEventTargets(MongoDatabase database) {
        this.tasks = database.getCollection(Collections.TASKS);
        this.models = database.getCollection(Collections.MODELS);
    }

    @Override
    public Optional<EventTarget> find(String id, boolean model, String company) {
        MongoCollection<Document> collection = model ? models : tasks;
        Document doc = OwnedDocuments.byId(collection, id, Ownership.company(company),
                Projections.include("company", "status", "ready"));
        if (doc == null) {
            return Optional.empty();
        }
        boolean locked = model ? Boolean.TRUE.equals(doc.getBoolean("ready"))
                : LOCKED_STATUSES.contains(doc.getString("status"));
        return Optional.of(new EventTarget(id, doc.getString("company"), locked));
    }
}
