package io.xstore.readmodel;

import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RawDocumentCacheTest {

    private final ReadModelChanges changes = new ReadModelChanges();
    private final RawDocumentCache cache = new RawDocumentCache(1024 * 1024);
    private final AtomicInteger fetches = new AtomicInteger();

    RawDocumentCacheTest() {
        changes.subscribe(cache);
    }

    @Test
    void aSecondLookupIsServedWithoutFetching() {
        cache.get("tasks", "t1", () -> fetch("t1", "a"));
        RawBsonDocument again = cache.get("tasks", "t1", () -> fetch("t1", "b"));

        assertEquals("a", comment(again));
        assertEquals(1, fetches.get());
    }

    @Test
    void aReportedChangeMakesTheNextLookupFetch() {
        cache.get("tasks", "t1", () -> fetch("t1", "a"));
        changes.changed("tasks", "t1");

        assertEquals("b", comment(cache.get("tasks", "t1", () -> fetch("t1", "b"))));
    }

    @Test
    void aChangeReportedWhileTheOldCopyWasFetchedIsNotHiddenByThatCopy() {
        cache.get("tasks", "t1", () -> {
            RawBsonDocument old = fetch("t1", "old");
            changes.changed("tasks", "t1"); // the projector wrote and reported while this reader held the old copy
            return old;
        });

        assertEquals("new", comment(cache.get("tasks", "t1", () -> fetch("t1", "new"))));
    }

    @Test
    void aRenderingIsMadeAtTheSecondReadOnceAndDroppedWithItsDocument() {
        AtomicInteger renders = new AtomicInteger();
        RawBsonDocument first = cache.get("tasks", "t1", () -> fetch("t1", "a"));
        Object firstRead = cache.rendering("tasks", "t1", first, doc -> comment(doc) + renders.incrementAndGet());
        Object secondRead = cache.rendering("tasks", "t1", first, doc -> comment(doc) + renders.incrementAndGet());
        Object thirdRead = cache.rendering("tasks", "t1", first, doc -> comment(doc) + renders.incrementAndGet());
        changes.changed("tasks", "t1");
        RawBsonDocument changed = cache.get("tasks", "t1", () -> fetch("t1", "b"));
        cache.rendering("tasks", "t1", changed, doc -> comment(doc) + renders.incrementAndGet());

        assertNull(firstRead, "a first read renders for itself");
        assertEquals("a1", secondRead);
        assertEquals("a1", thirdRead);
        assertEquals("b2", cache.rendering("tasks", "t1", changed, doc -> comment(doc) + renders.incrementAndGet()));
        assertNull(cache.rendering("tasks", "t1", first, doc -> comment(doc) + renders.incrementAndGet()),
                "a copy read before the change is not kept beside the new one");
        assertEquals("b2", cache.rendering("tasks", "t1", changed, doc -> comment(doc) + renders.incrementAndGet()));
    }

    @Test
    void aCollectionWideChangeDropsOnlyThatCollection() {
        cache.get("tasks", "t1", () -> fetch("t1", "a"));
        cache.get("models", "m1", () -> fetch("m1", "a"));
        changes.changedAll("tasks");

        assertEquals("b", comment(cache.get("tasks", "t1", () -> fetch("t1", "b"))));
        assertEquals("a", comment(cache.get("models", "m1", () -> fetch("m1", "b"))));
    }

    @Test
    void theCacheKeepsWithinItsBytesDroppingTheLeastRecentlyUsed() {
        RawDocumentCache small = new RawDocumentCache(16 * 1024);
        for (int i = 0; i < 1000; i++) {
            String id = "t" + i;
            small.get("tasks", id, () -> fetch(id, "x".repeat(100)));
        }
        int before = fetches.get();
        small.get("tasks", "t999", () -> fetch("t999", "y"));
        small.get("tasks", "t0", () -> fetch("t0", "y"));

        assertEquals(1, fetches.get() - before);
    }

    @Test
    void aCacheOfSizeZeroAlwaysFetches() {
        RawDocumentCache off = new RawDocumentCache(0);
        off.get("tasks", "t1", () -> fetch("t1", "a"));
        off.get("tasks", "t1", () -> fetch("t1", "a"));

        assertEquals(2, fetches.get());
    }

    private RawBsonDocument fetch(String id, String comment) {
        fetches.incrementAndGet();
        BsonDocument doc = new BsonDocument("_id", new BsonString(id)).append("comment", new BsonString(comment));
        return new RawBsonDocument(doc, new BsonDocumentCodec());
    }

    private static String comment(RawBsonDocument doc) {
        return doc.getString("comment").getValue();
    }
}
