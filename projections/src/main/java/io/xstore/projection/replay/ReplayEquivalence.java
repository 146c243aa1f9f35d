package io.xstore.projection.replay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * Replay equivalence: every document of the live read models against the same document of the replayed ones, field
 * by field, leaving out the fields written outside the projectors (task liveness from pings and worker reports, not
 * event-sourced). Both sides keep moving while the server takes writes, so a document that differs is read again
 * once both sides have passed the head of that moment; only a difference that stays is one.
 */
final class ReplayEquivalence {

    /** Per collection, fields that legitimately differ. */
    static final Map<String, Set<String>> IGNORED = Map.of(
            "tasks", Set.of("last_update", "active_duration", "last_worker", "last_worker_report"));
    private static final int RECHECK_ROUNDS = 5;
    private static final int KEPT_DIFFERENCES = 10_000;

    private final MongoDatabase live;
    private final MongoDatabase replayed;

    /** Both databases show their generation under the plain names ({@link GenerationDatabase}). */
    ReplayEquivalence(MongoDatabase live, MongoDatabase replayed) {
        this.live = live;
        this.replayed = replayed;
    }

    /** What the comparison found: documents compared, those re-read after concurrent writes, and real differences. */
    record Outcome(long compared, int rechecked, List<String> differences) {

        boolean equal() {
            return differences.isEmpty();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d documents compared, %d read again after concurrent writes, %d "
                    + "difference(s)%s", compared, rechecked, differences.size(),
                    differences.isEmpty() ? "" : ", first: " + String.join("; ",
                            differences.subList(0, Math.min(5, differences.size()))));
        }
    }

    /**
     * Compares {@code collections}; {@code bothAtHead} waits until live and replayed read models have applied the
     * head as it is when called (false: gave up).
     */
    Outcome compare(List<String> collections, BooleanSupplier bothAtHead) {
        long compared = 0;
        Map<String, List<Object>> differing = new LinkedHashMap<>();
        for (String collection : collections) {
            List<Object> ids = new ArrayList<>();
            compared += scan(collection, ids);
            if (!ids.isEmpty()) {
                differing.put(collection, ids);
            }
        }
        int rechecked = differing.values().stream().mapToInt(List::size).sum();
        for (int round = 0; round < RECHECK_ROUNDS && !differing.isEmpty(); round++) {
            bothAtHead.getAsBoolean();
            differing.replaceAll((collection, ids) -> ids.stream()
                    .filter(id -> describe(collection, id) != null).toList());
            differing.values().removeIf(List::isEmpty);
        }
        List<String> differences = new ArrayList<>();
        differing.forEach((collection, ids) -> ids.forEach(id -> differences.add(describe(collection, id))));
        differences.removeIf(Objects::isNull);
        return new Outcome(compared, rechecked, differences);
    }

    /** Walks both sides in {@code _id} order; returns the documents seen and adds the ids that differ. */
    private long scan(String collection, List<Object> differing) {
        Set<String> ignored = IGNORED.getOrDefault(collection, Set.of());
        long seen = 0;
        try (MongoCursor<Document> live = live(collection).find().sort(Sorts.ascending("_id")).iterator();
             MongoCursor<Document> replayed = replayed(collection).find().sort(Sorts.ascending("_id")).iterator()) {
            Document a = live.hasNext() ? live.next() : null;
            Document b = replayed.hasNext() ? replayed.next() : null;
            while (a != null || b != null) {
                seen++;
                int order = a == null ? 1 : b == null ? -1 : compareIds(a.get("_id"), b.get("_id"));
                if (order == 0) {
                    if (!fieldsDiffering(a, b, ignored).isEmpty()) {
                        keep(differing, a.get("_id"));
                    }
                    a = live.hasNext() ? live.next() : null;
                    b = replayed.hasNext() ? replayed.next() : null;
                } else if (order < 0) {
                    keep(differing, a.get("_id"));
                    a = live.hasNext() ? live.next() : null;
                } else {
                    keep(differing, b.get("_id"));
                    b = replayed.hasNext() ? replayed.next() : null;
                }
            }
        }
        return seen;
    }

    private static void keep(List<Object> differing, Object id) {
        if (differing.size() < KEPT_DIFFERENCES) {
            differing.add(id);
        }
    }

    /** The difference of one document now, or null when both sides agree. */
    private String describe(String collection, Object id) {
        Document a = live(collection).find(Filters.eq("_id", id)).first();
        Document b = replayed(collection).find(Filters.eq("_id", id)).first();
        if (a == null && b == null) {
            return null;
        }
        if (a == null || b == null) {
            return collection + "/" + id + (a == null ? " only in the replayed read model" : " missing after replay");
        }
        List<String> fields = fieldsDiffering(a, b, IGNORED.getOrDefault(collection, Set.of()));
        return fields.isEmpty() ? null : collection + "/" + id + " " + String.join(", ", fields);
    }

    static List<String> fieldsDiffering(Document live, Document replayed, Set<String> ignored) {
        Set<String> keys = new TreeSet<>(live.keySet());
        keys.addAll(replayed.keySet());
        keys.removeAll(ignored);
        return keys.stream().filter(k -> !Objects.equals(live.get(k), replayed.get(k)))
                .map(k -> k + ": " + abbreviate(live.get(k)) + " -> " + abbreviate(replayed.get(k))).toList();
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    /** The server sorts ids by BSON order; ours are strings (ids) or, rarely, other types compared as text. */
    private static int compareIds(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private MongoCollection<Document> live(String collection) {
        return live.getCollection(collection);
    }

    private MongoCollection<Document> replayed(String collection) {
        return replayed.getCollection(collection);
    }
}
