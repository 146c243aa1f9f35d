package io.xstore.server.embedded.h2;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Recognizes the two writes the projectors make most, to one document by its string {@code _id} in a collection
 * whose only unique index is {@code _id}: a whole document replacing it ({@code replaceOne({_id: x}, {_id: x, ...})})
 * and a change of top-level fields ({@code updateOne({_id: x}, {$set: {...}, $unset: {...}})}).
 * <p>
 * mongo-java-server answers each by finding the document through its index, decoding it, applying the write to a
 * deep clone, comparing old and new deeply, checking every index's keys and encoding the result. For these two
 * shapes the outcome is known without most of that: the replacement is stored as sent ({@code _id} first, as the
 * library would leave it), and a field change is the decoded document with those top-level fields put (in place,
 * or appended when new) and removed. {@link StoredDocumentsCollection} stores them so; anything else goes to the
 * library.
 */
final class WritesById {

    private static final Set<String> FIELD_OPERATORS = Set.of("$set", "$unset");

    private WritesById() {
    }

    /** The id a single-document write by {@code {_id: "..."}} targets, or null for any other write. */
    static String target(Document selector, ArrayFilters arrayFilters, boolean multi, Oplog oplog,
                         List<? extends Index<?>> indexes) {
        if (multi || selector.size() != 1 || !(oplog instanceof NoopOplog)
                || arrayFilters != null && !arrayFilters.isEmpty()
                || !(selector.get("_id") instanceof String id)) {
            return null;
        }
        return onlyIdIsUnique(indexes) ? id : null;
    }

    /** A whole document with this {@code _id} first and plain top-level field names. */
    static boolean isReplacement(Document update, String id) {
        if (update.isEmpty()) {
            return false;
        }
        Iterator<String> keys = update.keySet().iterator();
        if (!keys.next().equals("_id") || !id.equals(update.get("_id"))) {
            return false;
        }
        while (keys.hasNext()) {
            if (!plainField(keys.next())) {
                return false;
            }
        }
        return true;
    }

    /** Only {@code $set} and {@code $unset} of plain top-level fields other than {@code _id}. */
    static boolean isFieldChange(Document update) {
        if (update.isEmpty() || !FIELD_OPERATORS.containsAll(update.keySet())) {
            return false;
        }
        for (Object fields : update.values()) {
            if (!(fields instanceof Document document) || document.isEmpty()) {
                return false;
            }
            for (String key : document.keySet()) {
                if (!plainField(key) || key.equals("_id")) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The stored form of a stored document (as kept in its map) with a {@linkplain #isFieldChange field change}
     * applied: patched in its BSON bytes where {@link BsonFieldPatch} takes the change, else decoded, changed and
     * encoded again.
     */
    static Object applied(Object stored, Document update) {
        Object set = update.get("$set") instanceof Document values ? DocumentType.stored(values) : null;
        if (stored instanceof EncodedDocument encoded && (set == null || set instanceof EncodedDocument)) {
            byte[] patched = BsonFieldPatch.apply(encoded.bson(), set == null ? null : ((EncodedDocument) set).bson(),
                    update.get("$unset") instanceof Document unset ? unset.keySet() : Set.of());
            if (patched != null) {
                return new EncodedDocument(patched);
            }
        }
        Document document = stored instanceof EncodedDocument encoded ? encoded.decode()
                : new Document((Document) stored);
        return DocumentType.stored(apply(document, update));
    }

    /** The document with the change applied, in place (the caller passes a copy of its own). */
    static Document apply(Document document, Document update) {
        Object set = update.get("$set");
        if (set instanceof Document fields) {
            fields.forEach(document::put);
        }
        Object unset = update.get("$unset");
        if (unset instanceof Document fields) {
            fields.keySet().forEach(document::remove);
        }
        return document;
    }

    /** The answer mongo-java-server gives to an update: the id upserted, documents matched, documents changed. */
    static Document result(String upserted, int matched, int modified) {
        Document result = new Document();
        if (upserted != null) {
            result.put("upserted", upserted);
        }
        result.put("n", matched);
        result.put("nModified", modified);
        return result;
    }

    private static boolean plainField(String key) {
        return !key.isEmpty() && !key.startsWith("$") && key.indexOf('.') < 0;
    }

    /** Whether every index is the {@code _id} index or a placeholder for a secondary one. */
    static boolean onlyIdIsUnique(List<? extends Index<?>> indexes) {
        for (Index<?> index : indexes) {
            if (!isIdIndex(index) && !(index instanceof PlaceholderSecondaryIndex)) {
                return false;
            }
        }
        return true;
    }

    /** The unique index on {@code _id} alone. */
    static boolean isIdIndex(Index<?> index) {
        return index instanceof AbstractUniqueIndex<?> && index.getKeys().size() == 1
                && index.getKeys().get(0).getKey().equals("_id");
    }
}
