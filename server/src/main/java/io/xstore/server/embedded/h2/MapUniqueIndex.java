package io.xstore.server.embedded.h2;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;

/** A unique index kept in an MVStore map whose keys are stored by {@link KeyValueType}. */
final class MapUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> entries;

    MapUniqueIndex(MVMap<KeyValue, Object> entries, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.entries = entries;
    }

    /**
     * Adds the key of a one-field index (the {@code _id} index of a direct write) as the index's own {@code add} of a
     * document with that value would, without deriving it from the document; false when the key is present.
     */
    boolean putSingle(Object value, Object position) {
        return entries.putIfAbsent(new KeyValue(value).normalized(), Missing.ofNullable(position)) == null;
    }

    /** Whether a one-field index holds this value (see {@link #putSingle}). */
    boolean containsSingle(Object value) {
        return entries.containsKey(new KeyValue(value).normalized());
    }

    /** Removes the key of a one-field index (see {@link #putSingle}). */
    void removeSingle(Object value) {
        entries.remove(new KeyValue(value).normalized());
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return entries.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return entries.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return entries.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return entries.get(key);
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
