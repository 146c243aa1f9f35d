package io.xstore.readmodel;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one way to read read-model documents by id on behalf of a caller: the query names {@code _id} alone
 * ({@code {_id: id}} or {@code {_id: {$in: ids}}}) and the caller's {@link Ownership} is checked in Java. The
 * embedded MongoDB (mongo-java-server) uses its {@code _id} index only for a filter with exactly that shape: adding
 * {@code company} to the filter turns each lookup into a scan of the whole collection.
 * <p>
 * A document the caller may not see is not there, exactly as if the company had been part of the filter. A
 * projection may be given (inclusion or exclusion, as built by {@code Projections}); the fields the check needs are
 * read anyway and left out of the answer again when the projection did not ask for them.
 */
public final class OwnedDocuments {

    private static final String ID = "_id";
    private static final String COMPANY = "company";

    private OwnedDocuments() {
    }

    /** The whole document with this id, if the caller may see it; null otherwise. */
    public static Document byId(MongoCollection<Document> collection, String id, Ownership ownership) {
        return byId(collection, id, ownership, null);
    }

    /** The document with this id (the projected fields; null projection: all), if the caller may see it. */
    public static Document byId(MongoCollection<Document> collection, String id, Ownership ownership,
                                Bson projection) {
        Plan plan = Plan.of(projection, ownership);
        Document doc = plan.find(collection, Filters.eq(ID, id)).first();
        return doc != null && ownership.allows(doc) ? plan.trim(doc) : null;
    }

    /**
     * The whole document with this id as stored, its BSON undecoded, if the caller may see it; null otherwise (for
     * answers written straight from the BSON). Read through the read side's copies ({@code cache}), keyed by
     * {@code name}: the read model's plain name, as the projections report its changes, whatever generation of it
     * the collection resolves to. A copy missing there is read {@code direct}ly where the MongoDB offers it.
     */
    public static RawBsonDocument rawById(MongoCollection<Document> collection, String id, Ownership ownership,
                                          RawDocumentCache cache, String name, DirectDocumentReads direct) {
        Supplier<RawBsonDocument> driver =
                () -> collection.withDocumentClass(RawBsonDocument.class).find(Filters.eq(ID, id)).first();
        RawBsonDocument doc = cache.get(name, id, !direct.enabled() ? driver : () -> {
            try {
                return direct.find(collection.getNamespace().getDatabaseName(),
                        collection.getNamespace().getCollectionName(), id);
            } catch (UnsupportedOperationException notThere) {
                return driver.get();
            }
        });
        if (doc == null) {
            return null;
        }
        BsonValue company = doc.get(COMPANY);
        boolean allowed;
        if (company == null || company.isNull()) {
            allowed = ownership.allowsCompany(null);
        } else {
            allowed = company.isString() ? ownership.allowsCompany(company.asString().getValue())
                    : !ownership.checksCompany();
        }
        return allowed ? doc : null;
    }

    /**
     * The documents with these ids that the caller may see, each once, in the order of {@code ids} (unknown and
     * foreign ids are left out).
     */
    public static List<Document> byIds(MongoCollection<Document> collection, Collection<String> ids,
                                       Ownership ownership, Bson projection) {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(ids));
        if (unique.isEmpty()) {
            return new ArrayList<>();
        }
        Plan plan = Plan.of(projection, ownership);
        Map<Object, Document> found = new HashMap<>();
        for (Document doc : plan.find(collection, Filters.in(ID, unique))) {
            if (ownership.allows(doc)) {
                found.put(doc.get(ID), plan.trim(doc));
            }
        }
        List<Document> out = new ArrayList<>(found.size());
        for (String id : unique) {
            Document doc = found.get(id);
            if (doc != null) {
                out.add(doc);
            }
        }
        return out;
    }

    /** The projection actually sent (with the fields the check needs) and the fields to drop afterwards. */
    private record Plan(Bson projection, List<String> added) {

        static Plan of(Bson projection, Ownership ownership) {
            if (projection == null) {
                return new Plan(null, List.of());
            }
            BsonDocument sent = projection.toBsonDocument().clone();
            boolean inclusion = sent.entrySet().stream()
                    .anyMatch(e -> flag(e.getValue()) == Boolean.TRUE);
            List<String> added = new ArrayList<>();
            List<String> needed = ownership.checksCompany() ? List.of(ID, COMPANY) : List.of(ID);
            for (String field : needed) {
                BsonValue value = sent.get(field);
                if (value != null && flag(value) == Boolean.FALSE) {
                    sent.remove(field);
                    added.add(field);
                } else if (value == null && inclusion && !field.equals(ID)) {
                    sent.put(field, new BsonInt32(1));
                    added.add(field);
                }
            }
            return new Plan(sent.isEmpty() ? null : sent, List.copyOf(added));
        }

        FindIterable<Document> find(MongoCollection<Document> collection, Bson filter) {
            FindIterable<Document> find = collection.find(filter);
            return projection == null ? find : find.projection(projection);
        }

        Document trim(Document doc) {
            added.forEach(doc::remove);
            return doc;
        }

        /** Include (true) or exclude (false) for a {@code 1}/{@code 0}/boolean value; null for an expression. */
        private static Boolean flag(BsonValue value) {
            if (value.isBoolean()) {
                return value.asBoolean().getValue();
            }
            if (value.isNumber()) {
                return value.asNumber().doubleValue() != 0;
            }
            return null;
        }
    }
}
