package io.xstore.query.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.xstore.readmodel.DirectDocumentReads;
import io.xstore.readmodel.OwnedDocuments;
import io.xstore.readmodel.RawDocumentCache;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generic get_all engine over a read-model collection: filter (from the body, the scope and the endpoint's
 * extra condition), order (missing values last), page or scroll, projection, wire rendering and, in join mode,
 * reference expansion.
 */
@Component
public class ReadModelQuery {

    private static final int JOIN_CHUNK = 500;

    private final MongoDatabase db;
    private final ScrollRegistry scrolls;
    private final ReferenceJoiner joiner = new ReferenceJoiner(this);
    private final boolean collation;
    private final RawDocumentCache documentCache;
    private final DirectDocumentReads directReads;

    public ReadModelQuery(MongoDatabase db, ScrollRegistry scrolls) {
        this(db, scrolls, false, new RawDocumentCache(0), DirectDocumentReads.NONE);
    }

    @Autowired
    public ReadModelQuery(MongoDatabase db, ScrollRegistry scrolls, ObjectProvider<CollationSupport> collation,
                          RawDocumentCache documentCache, ObjectProvider<DirectDocumentReads> directReads) {
        this(db, scrolls, collation.getIfAvailable(() -> () -> false).supported(), documentCache,
                directReads.getIfAvailable(() -> DirectDocumentReads.NONE));
    }

    private ReadModelQuery(MongoDatabase db, ScrollRegistry scrolls, boolean collation,
                           RawDocumentCache documentCache, DirectDocumentReads directReads) {
        this.db = db;
        this.scrolls = scrolls;
        this.collation = collation;
        this.documentCache = documentCache;
        this.directReads = directReads;
    }

    public MongoCollection<Document> collection(EntitySpec spec) {
        return db.getCollection(spec.collection());
    }

    /** A get_all call: {@code extra} (may be null) is AND-ed to the body's filters and the scope. */
    public QueryResult getAll(EntitySpec spec, ObjectNode body, Scope scope, Bson extra, boolean joinMode) {
        Bson filter = FilterBuilder.and(List.of(scope.toFilter(), FilterBuilder.build(spec, body),
                extra == null ? Filters.empty() : extra));
        OrderBy order = OrderBy.parse(spec, body);
        Projection projection = Projection.parse(spec, body, joinMode);
        Paging paging = Paging.resolve(body, scrolls, scope.company() + "/" + spec.collection());
        List<Map<String, Object>> items = run(spec, filter, order, projection, paging.start(), paging.size(),
                NumericOrdering.applies(spec, order, body));
        if (joinMode) {
            joiner.expand(spec, items, projection.joins(), scope);
        }
        String scrollId = null;
        if (paging.scroll() != null) {
            scrolls.save(paging.scroll().movedTo(paging.start() + items.size()));
            scrollId = paging.scroll().id();
        }
        return new QueryResult(items, scrollId);
    }

    /**
     * A get_by_id that, like the reference's, also honours the body's get_all keys: at most the one document with
     * this id, if in scope. Without filter keys in the body (the usual call) the document is read by id alone;
     * with some, the call runs as the get_all it stands for.
     */
    public List<Map<String, Object>> getById(EntitySpec spec, ObjectNode body, Scope scope, String id) {
        Bson bodyFilter = FilterBuilder.build(spec, body);
        if (!bodyFilter.toBsonDocument().isEmpty() || body.has("scroll_id")) {
            return getAll(spec, body, scope, Filters.eq("_id", id), false).items();
        }
        OrderBy.parse(spec, body);
        Projection projection = Projection.parse(spec, body, false);
        Paging paging = Paging.resolve(body, scrolls, scope.company() + "/" + spec.collection());
        Document doc = OwnedDocuments.byId(collection(spec), id, scope.ownership(), projection.mongoProjection());
        if (doc == null || paging.start() > 0) {
            return new ArrayList<>();
        }
        return new ArrayList<>(List.of(projection.apply(WireDocuments.render(doc))));
    }

    /**
     * {@link #getById} over a document the caller already holds (a past state folded from events, see
     * docs/api/history.md) instead of one read from MongoDB: the same checks, scope and shaping. Get_all filter keys
     * of the body are not applied to it.
     */
    public List<Map<String, Object>> getById(EntitySpec spec, ObjectNode body, Scope scope, Document doc) {
        OrderBy.parse(spec, body);
        Projection projection = Projection.parse(spec, body, false);
        Paging paging = Paging.resolve(body, scrolls, scope.company() + "/" + spec.collection());
        if (doc == null || !scope.ownership().allows(doc) || paging.start() > 0) {
            return new ArrayList<>();
        }
        return new ArrayList<>(List.of(projection.apply(WireDocuments.render(doc))));
    }

    /** {@link #findById} over a document the caller already holds (see the {@code getById} above). */
    public Optional<Map<String, Object>> render(Document doc, Scope scope) {
        return Optional.ofNullable(doc).filter(scope.ownership()::allows).map(WireDocuments::render);
    }

    /** Documents by id with a given only_fields list, in join mode (used for joins), in the order of the ids. */
    public List<Map<String, Object>> fetchByIds(EntitySpec spec, Collection<String> ids, List<String> fields,
                                                Scope scope) {
        Projection projection = Projection.of(spec, withId(fields), true);
        List<String> all = new ArrayList<>(ids);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += JOIN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + JOIN_CHUNK));
            for (Document doc : OwnedDocuments.byIds(collection(spec), chunk, scope.ownershipFor(spec),
                    projection.mongoProjection())) {
                out.add(projection.apply(WireDocuments.render(doc)));
            }
        }
        joiner.expand(spec, out, projection.joins(), scope);
        return out;
    }

    /** One whole document (nothing left out but internal keys), if in scope. */
    public Optional<Map<String, Object>> findById(EntitySpec spec, String id, Scope scope) {
        Document doc = OwnedDocuments.byId(collection(spec), id, scope.ownership());
        return Optional.ofNullable(doc).map(WireDocuments::render);
    }

    /**
     * {@link #findById} for an answer: the same document in the same wire shape, written to the answer straight from
     * its stored BSON (see {@link WireJson}).
     */
    public Optional<Object> findWireById(EntitySpec spec, String id, Scope scope) {
        return Optional.ofNullable(OwnedDocuments.rawById(collection(spec), id, scope.ownership(),
                documentCache, spec.collection(), directReads))
                .map(doc -> new CachedWireJson(documentCache, spec.collection(), id, doc));
    }

    /** A body holding only the given keys (for endpoints that run an internal get_all). */
    public static ObjectNode body() {
        return JsonNodeFactory.instance.objectNode();
    }

    private List<Map<String, Object>> run(EntitySpec spec, Bson filter, OrderBy order, Projection projection,
                                          int start, int size, boolean numeric) {
        List<Document> docs = OrderedFinder.find(collection(spec), spec, filter, order,
                projection.mongoProjection(), start, size, numeric, collation);
        List<Map<String, Object>> out = new ArrayList<>(docs.size());
        for (Document doc : docs) {
            out.add(projection.apply(WireDocuments.render(doc)));
        }
        return out;
    }

    private static List<String> withId(List<String> fields) {
        List<String> out = new ArrayList<>(fields);
        boolean onlyExcludes = fields.stream().allMatch(f -> f.startsWith("-"));
        if (!fields.isEmpty() && !onlyExcludes && !fields.contains("id")) {
            out.add("id");
        }
        return out;
    }
}
