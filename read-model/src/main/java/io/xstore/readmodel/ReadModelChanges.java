package io.xstore.readmodel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells whoever keeps read-model documents in memory on the read side ({@link RawDocumentCache}) that documents
 * changed. Whatever writes a read-model document calls it after the write reached MongoDB and before the write's
 * position is published, so a caller woken by the read-your-writes barrier never reads a copy older than its write.
 */
public final class ReadModelChanges {

    /** What a listener is told. */
    public interface Listener {
        void changed(String collection, String id);

        void changedAll(String collection);

        void changedEverything();
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    public void changed(String collection, String id) {
        for (Listener listener : listeners) {
            listener.changed(collection, id);
        }
    }

    public void changedAll(String collection) {
        for (Listener listener : listeners) {
            listener.changedAll(collection);
        }
    }

    /** After a failure that may have left MongoDB different from what anyone holds. */
    public void changedEverything() {
        for (Listener listener : listeners) {
            listener.changedEverything();
        }
    }
}
