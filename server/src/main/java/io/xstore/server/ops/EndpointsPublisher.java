package io.xstore.server.ops;

import com.mongodb.client.MongoDatabase;
import io.xstore.command.events.MetricLogTopic;
import io.xstore.migration.ops.RunningServer;
import io.xstore.server.embedded.BackingService;
import io.xstore.server.embedded.BackingServices;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells the operations tool ({@code ops backup}, {@code ops check}) where this server's backing services are, since
 * the embedded ones listen on ports picked at start: {@code <data-dir>/run/endpoints.properties}, written once the
 * server takes calls and removed when it stops.
 */
@Component
class EndpointsPublisher implements SmartLifecycle {

    private final BackingServices services;
    private final MongoDatabase database;
    private final MetricLogTopic topic;
    private final Path filesRoot;
    private volatile boolean running;

    EndpointsPublisher(BackingServices services, MongoDatabase database, MetricLogTopic topic,
                       @Value("${xstore.fileserver.root:${xstore.data-dir:./data}/files}") String filesRoot) {
        this.services = services;
        this.database = database;
        this.topic = topic;
        this.filesRoot = Path.of(filesRoot).toAbsolutePath();
    }

    @Override
    public void start() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put(RunningServer.KAFKA, services.endpoint(BackingService.KAFKA));
        endpoints.put(RunningServer.EVENTS_TOPIC, topic.name());
        endpoints.put(RunningServer.MONGODB, services.endpoint(BackingService.MONGODB));
        endpoints.put(RunningServer.MONGODB + "-database", database.getName());
        endpoints.put(RunningServer.ELASTICSEARCH, services.endpoint(BackingService.ELASTICSEARCH));
        endpoints.put(RunningServer.FILES_ROOT, filesRoot.toString());
        RunningServer.publish(services.dataDir(), endpoints);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        RunningServer.withdraw(services.dataDir());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1024; // after the listeners opened
    }
}
