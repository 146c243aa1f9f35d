package io.xstore.query.engine;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Distinct values of a top-level field (list elements counted one by one), read client-side for portability. */
public final class DistinctValues {

    private DistinctValues() {
    }

    public static Set<String> of(MongoCollection<Document> collection, String field, Bson filter) {
        Set<String> out = new LinkedHashSet<>();
        collection.find(filter).projection(Projections.include(field)).forEach(doc -> {
            Object value = doc.get(field);
            if (value instanceof Collection<?> items) {
                items.forEach(item -> {
                    if (item != null) {
                        out.add(String.valueOf(item));
                    }
                });
            } else if (value != null) {
                out.add(String.valueOf(value));
            }
        });
        return out;
    }
}
