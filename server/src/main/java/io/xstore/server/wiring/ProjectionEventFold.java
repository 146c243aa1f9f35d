package io.xstore.server.wiring;

import io.xstore.projection.processing.StreamingProjector;
import io.xstore.projection.store.ReadModelStore;
import io.xstore.query.history.EventFold;
import io.xstore.server.config.EventProcessingConfig;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The history fold (docs/api/history.md): an entity's events applied, on the calling thread, to the very handlers of
 * the read-model projector, writing into a {@link ReadModelStore#detached() detached} in-memory batch instead of
 * MongoDB. What the history shows is therefore what the read models would hold, whatever the event classes become.
 */
@Component
public class ProjectionEventFold implements EventFold {

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ReadModelStore store;

    public ProjectionEventFold(ObjectProvider<EventProcessingConfiguration> processing, ReadModelStore store) {
        this.processing = processing;
        this.store = store;
    }

    @Override
    public Session open() {
        StreamingProjector projector = processing.getObject()
                .eventProcessor(EventProcessingConfig.READ_MODELS, StreamingProjector.class)
                .orElseThrow(() -> new IllegalStateException("no read-model projector to fold events with"));
        ReadModelStore.Detached documents = store.detached();
        return new Session() {
            @Override
            public void apply(EventMessage<?> event) {
                try {
                    projector.fold(event);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public Document document(String collection, String id) {
                return documents.document(collection, id);
            }

            @Override
            public Map<String, Document> documents(String collection) {
                return documents.documents(collection);
            }

            @Override
            public Map<String, Map<String, Document>> all() {
                return documents.all();
            }

            @Override
            public void seed(String collection, String id, Document document) {
                documents.seed(collection, id, document);
            }

            @Override
            public void close() {
                documents.close();
            }
        };
    }
}
