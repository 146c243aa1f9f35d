package io.xstore.query.engine;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs an ordered, paged find. When the first order field is ascending, documents where it is missing or empty are
 * put last (MongoDB would put them first): the matches are read as two consecutive partitions, "has a value" then
 * "has none", and the page window is laid over both. Descending order already puts them last.
 */
final class OrderedFinder {

    private OrderedFinder() {
    }

    /**
     * {@code numeric}: the order compares strings numerically ({@link NumericOrdering}); {@code collation}: the
     * server applies collations (else that order is made here).
     */
    static List<Document> find(MongoCollection<Document> collection, EntitySpec spec, Bson filter, OrderBy order,
                               Bson projection, int start, int size, boolean numeric, boolean collation) {
        if (numeric && !collation && !order.isEmpty()) {
            return NumericOrdering.sortedHere(collection, filter, order, projection, start, size);
        }
        List<Bson> partitions = partitions(spec, filter, order);
        List<Document> out = new ArrayList<>();
        int skip = start;
        int remaining = size;
        for (int i = 0; i < partitions.size() && remaining > 0; i++) {
            Bson part = partitions.get(i);
            FindIterable<Document> find = collection.find(part);
            if (projection != null) {
                find = find.projection(projection);
            }
            Bson sort = order.toSort();
            if (sort != null) {
                find = find.sort(sort);
            }
            if (numeric && collation) {
                find = find.collation(NumericOrdering.COLLATION);
            }
            int before = out.size();
            find.skip(skip).limit(remaining).into(out);
            int added = out.size() - before;
            if (added > 0) {
                skip = 0;
                remaining -= added;
            } else if (i < partitions.size() - 1 && skip > 0) {
                skip -= (int) Math.min(skip, collection.countDocuments(part));
            }
        }
        return out;
    }

    private static List<Bson> partitions(EntitySpec spec, Bson filter, OrderBy order) {
        if (order.isEmpty() || !order.keys().get(0).ascending()) {
            return List.of(filter);
        }
        SortKey first = order.keys().get(0);
        Bson empty = emptyValue(spec, first);
        return List.of(FilterBuilder.and(List.of(filter, Filters.nor(empty))), FilterBuilder.and(List.of(filter, empty)));
    }

    private static Bson emptyValue(EntitySpec spec, SortKey key) {
        String path = key.mongoPath();
        if (spec.isListTyped(key.field())) {
            return Filters.or(Filters.eq(path, null), Filters.size(path, 0));
        }
        if (spec.isStringTyped(key.field())) {
            return Filters.or(Filters.eq(path, null), Filters.eq(path, ""));
        }
        return Filters.eq(path, null);
    }
}
