package io.xstore.query.events;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.mongodb.client.MongoDatabase;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.CallContext;
import io.xstore.query.EmbeddedMongo;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The events read side starts from component scanning with a MongoDatabase and an Elasticsearch client. */
class EventsWiringTest {

    @Test
    void everyEventsReadEndpointIsRegistered() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
             RestClient rest = RestClient.builder(new HttpHost("127.0.0.1", 9)).build()) {
            context.registerBean(MongoDatabase.class, EmbeddedMongo::freshDatabase);
            context.registerBean(ElasticsearchClient.class,
                    () -> new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper())));
            context.scan("io.xstore.query.events");
            context.refresh();
            TreeSet<String> endpoints = new TreeSet<>();
            for (Method method : context.getBean(EventsReadEndpoints.class).getClass().getMethods()) {
                ApiEndpoint endpoint = method.getAnnotation(ApiEndpoint.class);
                if (endpoint != null) {
                    endpoints.add(endpoint.value());
                    assertThat(Arrays.asList(method.getParameterTypes())).containsExactly(CallContext.class);
                }
            }
            assertThat(endpoints).hasSize(23).contains("events.get_task_log", "events.debug_images",
                    "events.scalar_metrics_iter_histogram", "events.download_task_log", "events.clear_scroll");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
