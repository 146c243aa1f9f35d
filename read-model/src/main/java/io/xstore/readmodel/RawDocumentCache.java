package io.xstore.readmodel;

import org.bson.RawBsonDocument;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Read-model documents by id as MongoDB stored them, kept on the read side so a lookup by id ({@code tasks.get_by_id})
 * costs no round trip. Bounded by bytes, least recently used out first. It is correct only while every write to the
 * cached collections is made by this process and reported to {@link ReadModelChanges} (one node on its own MongoDB,
 * the embedded default); with several server nodes on one MongoDB it is switched off
 * ({@code xstore.query.document-cache-mb=0}, see docs/operations.md).
 * <p>
 * A reader that fetched a document while a write of it was being reported could put the old copy in after the
 * change was reported. Each change therefore bumps a generation of the id's stripe, and a reader keeps what it fetched
 * only if its stripe's generation did not move from before the fetch until after the put.
 * <p>
 * Beside each document the read side may keep one rendering of it (its answer JSON), made at the second read and
 * dropped with the document; a document's bytes are counted three times to leave room for it.
 */
public final class RawDocumentCache implements ReadModelChanges.Listener {

    private static final int STRIPES = 4096;

    private final long maxBytes;
    private final AtomicLongArray generations = new AtomicLongArray(STRIPES);
    private final Map<String, Entry> documents = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;

    public RawDocumentCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public boolean enabled() {
        return maxBytes > 0;
    }

    /** The cached document, else what {@code fetch} returns (kept when no change raced it; null is not kept). */
    public RawBsonDocument get(String collection, String id, Supplier<RawBsonDocument> fetch) {
        if (!enabled()) {
            return fetch.get();
        }
        String key = key(collection, id);
        Entry cached;
        synchronized (this) {
            cached = documents.get(key);
        }
        if (cached != null) {
            return cached.document;
        }
        int stripe = stripe(key);
        long before = generations.get(stripe);
        RawBsonDocument fetched = fetch.get();
        if (fetched == null || fetched.getByteBuffer().remaining() > maxBytes / 16) {
            return fetched;
        }
        put(key, fetched);
        if (generations.get(stripe) != before) {
            remove(key);
        }
        return fetched;
    }

    /**
     * The rendering kept beside {@code document}, made by {@code render} at its second read (most documents of a large
     * store are read once: rendering those twice would only cost); null when the caller should render it itself: at
     * the first read, or when the cache no longer holds this very document (it changed, or was never kept).
     */
    public Object rendering(String collection, String id, RawBsonDocument document,
                            Function<RawBsonDocument, Object> render) {
        if (!enabled()) {
            return null;
        }
        Entry entry;
        synchronized (this) {
            entry = documents.get(key(collection, id));
        }
        if (entry == null || entry.document != document) {
            return null;
        }
        Object rendering = entry.rendering;
        if (rendering == null) {
            if (!entry.readBefore) {
                entry.readBefore = true;
                return null;
            }
            rendering = render.apply(document);
            entry.rendering = rendering;
        }
        return rendering;
    }

    @Override
    public void changed(String collection, String id) {
        if (!enabled()) {
            return;
        }
        String key = key(collection, id);
        generations.incrementAndGet(stripe(key));
        remove(key);
    }

    @Override
    public void changedAll(String collection) {
        if (!enabled()) {
            return;
        }
        bumpAll();
        String prefix = collection + '\u0000';
        synchronized (this) {
            documents.entrySet().removeIf(entry -> {
                boolean drop = entry.getKey().startsWith(prefix);
                if (drop) {
                    bytes -= size(entry.getValue());
                }
                return drop;
            });
        }
    }

    @Override
    public void changedEverything() {
        if (!enabled()) {
            return;
        }
        bumpAll();
        synchronized (this) {
            documents.clear();
            bytes = 0;
        }
    }

    private void bumpAll() {
        for (int i = 0; i < STRIPES; i++) {
            generations.incrementAndGet(i);
        }
    }

    private synchronized void put(String key, RawBsonDocument document) {
        Entry old = documents.put(key, new Entry(document));
        bytes += size(document) - (old == null ? 0 : size(old));
        var eldest = documents.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= size(eldest.next().getValue());
            eldest.remove();
        }
    }

    private synchronized void remove(String key) {
        Entry old = documents.remove(key);
        if (old != null) {
            bytes -= size(old);
        }
    }

    private static long size(Entry entry) {
        return size(entry.document);
    }

    private static long size(RawBsonDocument document) {
        return 3L * document.getByteBuffer().remaining() + 96L;
    }

    private static int stripe(String key) {
        return (key.hashCode() & 0x7fffffff) % STRIPES;
    }

    private static String key(String collection, String id) {
        return collection + '\u0000' + id;
    }

    /** A kept document and the rendering made of it, if any yet. */
    private static final class Entry {
        final RawBsonDocument document;
        volatile boolean readBefore;
        volatile Object rendering;

        Entry(RawBsonDocument document) {
            this.document = document;
        }
    }
}
