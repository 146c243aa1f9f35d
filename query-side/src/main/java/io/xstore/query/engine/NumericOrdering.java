package io.xstore.query.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Collation;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Numeric ordering of user-defined fields (docs/api/behaviour-rules.md §2): when the first {@code order_by} field or
 * any filter key lies under {@code hyperparams.}, {@code execution.parameters.} or {@code last_metrics.} (tasks), or
 * {@code metadata.} or {@code last_metrics.} (models), strings compare with digit runs as numbers ("2" before "10"),
 * as the collation {@code {locale: "en_US", numericOrdering: true}} does. Where the server applies collations the
 * find carries that collation; where it does not (the embedded server), the ids and sort values of all matches are
 * read, sorted here in MongoDB's order with that string comparison, and the page window is laid over that order -
 * so {@code page}, {@code page_size} and {@code scroll_id} agree with it.
 */
final class NumericOrdering {

    static final Collation COLLATION = Collation.builder().locale("en_US").numericOrdering(true).build();

    private static final Map<String, List<String>> PREFIXES = Map.of(
            "tasks", List.of("hyperparams.", "execution.parameters.", "last_metrics."),
            "models", List.of("metadata.", "last_metrics."));

    private NumericOrdering() {
    }

    static boolean applies(EntitySpec spec, OrderBy order, ObjectNode body) {
        List<String> prefixes = PREFIXES.get(spec.collection());
        if (prefixes == null) {
            return false;
        }
        if (!order.isEmpty() && underAny(order.keys().get(0).field(), prefixes)) {
            return true;
        }
        Iterator<String> keys = body == null ? java.util.Collections.emptyIterator() : body.fieldNames();
        while (keys.hasNext()) {
            if (underAny(keys.next(), prefixes)) {
                return true;
            }
        }
        return false;
    }

    private static boolean underAny(String field, List<String> prefixes) {
        String path = field.startsWith("-") ? field.substring(1) : field;
        return prefixes.stream().anyMatch(path::startsWith);
    }

    /** The page {@code [start, start + size)} of the matches in numeric order, sorted here. */
    static List<Document> sortedHere(MongoCollection<Document> collection, Bson filter, OrderBy order,
                                     Bson projection, int start, int size) {
        List<String> paths = order.keys().stream().map(SortKey::mongoPath).distinct().toList();
        List<Document> keys = collection.find(filter).projection(Projections.include(paths))
                .into(new ArrayList<>());
        keys.sort(comparator(order));
        int from = Math.min(start, keys.size());
        int to = Math.min(keys.size(), from + size);
        List<Object> ids = keys.subList(from, to).stream().map(d -> d.get("_id")).toList();
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        Map<Object, Document> byId = new HashMap<>();
        var find = collection.find(Filters.in("_id", ids));
        if (projection != null) {
            find = find.projection(projection);
        }
        find.forEach(doc -> byId.put(doc.get("_id"), doc));
        List<Document> page = new ArrayList<>(ids.size());
        ids.forEach(id -> {
            Document doc = byId.get(id);
            if (doc != null) {
                page.add(doc);
            }
        });
        return page;
    }

    /** MongoDB's order for each key; the first key, ascending, puts missing or empty values last (as elsewhere). */
    static Comparator<Document> comparator(OrderBy order) {
        Comparator<Document> result = null;
        for (int i = 0; i < order.keys().size(); i++) {
            SortKey key = order.keys().get(i);
            boolean emptyLast = i == 0 && key.ascending();
            Comparator<Document> byKey = (a, b) -> {
                Object x = valueAt(a, key.mongoPath());
                Object y = valueAt(b, key.mongoPath());
                if (emptyLast) {
                    int ex = isEmpty(x) ? 1 : 0;
                    int ey = isEmpty(y) ? 1 : 0;
                    if (ex != ey) {
                        return Integer.compare(ex, ey);
                    }
                }
                int cmp = compareValues(x, y);
                return key.ascending() ? cmp : -cmp;
            };
            result = result == null ? byKey : result.thenComparing(byKey);
        }
        return result == null ? (a, b) -> 0 : result;
    }

    static Object valueAt(Document doc, String path) {
        Object current = doc;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static boolean isEmpty(Object value) {
        return value == null || "".equals(value) || (value instanceof Collection<?> list && list.isEmpty());
    }

    /** MongoDB's comparison order across types (null, numbers, strings, objects, lists, booleans, dates). */
    static int compareValues(Object a, Object b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return NaturalOrder.INSTANCE.compare(x, y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a instanceof Date x && b instanceof Date y) {
            return x.compareTo(y);
        }
        return 0;
    }

    private static int rank(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number) {
            return 1;
        }
        if (value instanceof String) {
            return 2;
        }
        if (value instanceof Map<?, ?>) {
            return 3;
        }
        if (value instanceof Collection<?>) {
            return 4;
        }
        if (value instanceof Boolean) {
            return 5;
        }
        return value instanceof Date ? 6 : 7;
    }
}
