package io.xstore.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.mongodb.client.MongoDatabase;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.query.history.EventFold;
import io.xstore.readmodel.RawDocumentCache;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read side starts from component scanning with only a MongoDatabase, the event store, the read-side document
 * cache and the history fold port, as in the server. */
class SpringWiringTest {

    @Test
    void allEndpointBeansAreCreated() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(MongoDatabase.class, EmbeddedMongo::freshDatabase);
            context.registerBean(RawDocumentCache.class, () -> new RawDocumentCache(0));
            context.registerBean(EventStore.class, () -> EmbeddedEventStore.builder()
                    .storageEngine(new InMemoryEventStorageEngine()).build());
            context.registerBean(EventFold.class, () -> () -> {
                throw new UnsupportedOperationException("the server provides the fold");
            });
            context.registerBean(ElasticsearchClient.class, () -> new ElasticsearchClient(new RestClientTransport(
                    RestClient.builder(new HttpHost("127.0.0.1", 9)).build(), new JacksonJsonpMapper())));
            context.scan("io.xstore.query");
            context.refresh();
            TreeSet<String> endpoints = new TreeSet<>();
            for (Class<?> type : List.of(TasksReadEndpoints.class, ProjectsReadEndpoints.class,
                    ModelsReadEndpoints.class)) {
                Object bean = context.getBean(type);
                for (Method m : bean.getClass().getMethods()) {
                    ApiEndpoint endpoint = m.getAnnotation(ApiEndpoint.class);
                    if (endpoint != null) {
                        endpoints.add(endpoint.value());
                        assertTrue(Arrays.equals(m.getParameterTypes(),
                                new Class<?>[] {io.xstore.protocol.CallContext.class}), m.toString());
                    }
                }
            }
            assertEquals(27, endpoints.size(), endpoints.toString());
        }
    }
}
