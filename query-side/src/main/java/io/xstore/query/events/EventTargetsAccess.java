package io.xstore.query.events;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.OwnedDocuments;
import io.xstore.readmodel.Ownership;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Which tasks or models a caller may read events of: its own company's and public ones (company {@code ""}). Any
 * other id is an invalid task id (400/101) or, for model events, an invalid model id (400/201).
 */
@Component
public class EventTargetsAccess {

    private static final List<String> FIELDS = List.of("_id", "name", "company", "company_origin", "status",
            "last_metrics", "last_iteration", "last_update");

    private final MongoCollection<Document> tasks;
    private final MongoCollection<Document> models;

    public EventTargetsAccess(MongoDatabase database) {
        this.tasks = database.getCollection(Collections.TASKS);
        this.models = database.getCollection(Collections.MODELS);
    }

    public EventTarget one(CallContext ctx, String id, boolean model) {
        return resolve(ctx, List.of(id), model).single();
    }

    public EventTargets resolve(CallContext ctx, List<String> ids, boolean model) {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(ids));
        String company = ctx.company() == null ? "" : ctx.company();
        Map<String, Document> found = new HashMap<>();
        OwnedDocuments.byIds(model ? models : tasks, unique, Ownership.companyOrPublic(company),
                Projections.include(FIELDS)).forEach(doc -> found.put(doc.getString("_id"), doc));
        List<String> missing = unique.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            Object shown = missing.size() == 1 ? missing.get(0) : missing;
            throw (model ? ApiError.INVALID_MODEL_ID : ApiError.INVALID_TASK_ID).toException(Map.of("id", shown));
        }
        List<EventTarget> targets = new ArrayList<>();
        for (String id : unique) {
            Document doc = found.get(id);
            targets.add(new EventTarget(id, doc.getString("name") == null ? "" : doc.getString("name"),
                    indexCompany(doc, company), doc));
        }
        return new EventTargets(targets, model);
    }

    /** Public objects keep their events in the indices of the company that created them. */
    private static String indexCompany(Document doc, String callerCompany) {
        String owner = doc.getString("company");
        if (owner != null && !owner.isEmpty()) {
            return owner;
        }
        String origin = doc.getString("company_origin");
        return origin != null && !origin.isEmpty() ? origin : callerCompany;
    }
}
