package io.xstore.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoDatabase;
import io.xstore.server.XstoreServer;
import io.xstore.server.embedded.FreePort;
import io.xstore.server.infra.KafkaConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole xstore server started in this JVM, as a user would run it, on its embedded MongoDB, Elasticsearch and
 * Kafka in a throw-away data directory, on free ports, with one fixed admin key pair for the benchmark client.
 */
final class EmbeddedServer implements AutoCloseable {

    static final String ACCESS_KEY = "BENCHACCESSKEY000000000000000A";
    static final String SECRET_KEY = "bench-secret-key-" + UUID.randomUUID().toString().replace("-", "");

    private final Path dataDir;
    private final boolean keepData;
    private final int apiPort;
    private final ConfigurableApplicationContext context;

    private EmbeddedServer(Path dataDir, boolean keepData, int apiPort, ConfigurableApplicationContext context) {
        this.dataDir = dataDir;
        this.keepData = keepData;
        this.apiPort = apiPort;
        this.context = context;
    }

    static EmbeddedServer start(Path requestedDataDir, boolean keepData) throws IOException {
        Path dataDir = requestedDataDir != null
                ? Files.createDirectories(requestedDataDir)
                : Files.createTempDirectory("xstore-bench-");
        // -Dbench.portBase=P: the server on P to P+2 and its embedded services on P+3 to P+6 (a range of one's own
        // on a shared machine); free ports otherwise
        Integer portBase = Integer.getInteger("bench.portBase");
        int[] ports = portBase == null ? FreePort.distinct(3) : new int[] {portBase, portBase + 1, portBase + 2};
        Map<String, Object> properties = new HashMap<>();
        if (portBase != null) {
            properties.put("xstore.mongo.embedded-port", portBase + 3);
            properties.put("xstore.elastic.embedded-port", portBase + 4);
            properties.put("xstore.kafka.embedded-port", portBase + 5);
            properties.put("xstore.kafka.embedded-controller-port", portBase + 6);
        }
        properties.put("xstore.data-dir", dataDir.toString());
        properties.put("xstore.api.port", ports[0]);
        properties.put("server.port", ports[0]);
        properties.put("xstore.fileserver.port", ports[1]);
        properties.put("xstore.webapp.port", ports[2]);
        properties.put("xstore.auth.token-secret", "bench-token-secret-" + UUID.randomUUID());
        properties.put("xstore.auth.credentials[0].access-key", ACCESS_KEY);
        properties.put("xstore.auth.credentials[0].secret-key", SECRET_KEY);
        properties.put("xstore.auth.credentials[0].user-name", "bench");
        properties.put("xstore.auth.credentials[0].role", "admin");
        properties.put("logging.level.io.xstore", System.getProperty("bench.serverLogLevel", "WARN"));
        // Spring's notices about Axon's annotations say nothing about performance
        properties.put("logging.level.org.springframework.core.annotation", "ERROR");
        // as command-line arguments: they outrank the server's application.yml (default properties would not)
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(XstoreServer.class).run(args);
        if (!dataDir.toString().equals(context.getEnvironment().getProperty("xstore.data-dir"))) {
            context.close();
            throw new IllegalStateException("the server did not take the benchmark's data directory " + dataDir);
        }
        return new EmbeddedServer(dataDir, keepData, ports[0], context);
    }

    String apiBaseUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    Path dataDir() {
        return dataDir;
    }

    MongoDatabase mongoDatabase() {
        return context.getBean(MongoDatabase.class);
    }

    ElasticsearchClient elasticsearch() {
        return context.getBean(ElasticsearchClient.class);
    }

    /** A bean of the running server, for benchmarks that drive its internals (the rebuilder, the event store). */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    <T> T bean(Class<T> type, String name) {
        return context.getBean(name, type);
    }

    String kafkaBootstrapServers() {
        return context.getBean(KafkaConnection.class).bootstrapServers();
    }

    @Override
    public void close() throws IOException {
        context.close();
        if (!keepData) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
