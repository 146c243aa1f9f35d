package io.xstore.query.history;

import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;

import java.util.Map;

/**
 * The port through which history rebuilds read-model documents from events in memory, with the same projection
 * handlers that write MongoDB (implemented by the server, which owns the projectors). See docs/api/history.md.
 */
public interface EventFold {

    /** A fold with no documents yet, bound to the calling thread until closed. */
    Session open();

    /** Documents in memory, changed by {@link #apply} exactly as the projections change the stored ones. */
    interface Session extends AutoCloseable {

        void apply(EventMessage<?> event);

        /** The document now (live: later events change it; copy what must be kept); null when absent. */
        Document document(String collection, String id);

        /** Every document of the collection now, by id (live, as above). */
        Map<String, Document> documents(String collection);

        /** Every document now, by collection and id (live, as above). */
        Map<String, Map<String, Document>> all();

        /** Puts a document in as if earlier events had made it (resuming a fold from a kept state). */
        void seed(String collection, String id, Document document);

        @Override
        void close();
    }
}
