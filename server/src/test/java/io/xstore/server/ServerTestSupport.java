package io.xstore.server;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoDatabase;
import io.xstore.server.embedded.FreePort;
import io.xstore.server.infra.KafkaConnection;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test of the server: one application context per test JVM, shared by all subclasses
 * (they must add no Spring annotations of their own, or the context is built again). The whole server runs on
 * embedded services in a fresh data directory under target/, on free ports, with fixed test credentials.
 * Tests isolate themselves by unique ids, index names and topics.
 */
@SpringBootTest(classes = XstoreServer.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class ServerTestSupport {

    protected static final String ACCESS_KEY = "TESTACCESSKEY0000000000000000A";
    protected static final String SECRET_KEY = "test-secret-key-000000000000000000000000000000000000000000000";

    /** A configured username/password login (the web app's sign-in), an admin. */
    protected static final String WEB_USER = "webuser";
    protected static final String WEB_PASSWORD = "web-password-0123";

    protected static final Path DATA_DIR =
            Path.of("target", "test-data-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
    private static final int[] PORTS = FreePort.distinct(3);
    private static final int API_PORT = PORTS[0];
    private static final int FILESERVER_PORT = PORTS[1];
    private static final int WEBAPP_PORT = PORTS[2];

    @Autowired
    protected MongoDatabase mongoDatabase;

    @Autowired
    protected ElasticsearchClient elasticsearchClient;

    @Autowired
    protected KafkaConnection kafkaConnection;

    @DynamicPropertySource
    static void serverProperties(DynamicPropertyRegistry registry) {
        registry.add("xstore.data-dir", DATA_DIR::toString);
        registry.add("xstore.api.port", () -> API_PORT);
        registry.add("server.port", () -> API_PORT);
        registry.add("xstore.fileserver.port", () -> FILESERVER_PORT);
        registry.add("xstore.webapp.port", () -> WEBAPP_PORT);
        registry.add("xstore.auth.token-secret", () -> "test-token-secret-0123456789abcdef0123456789abcdef");
        registry.add("xstore.auth.credentials[0].access-key", () -> ACCESS_KEY);
        registry.add("xstore.auth.credentials[0].secret-key", () -> SECRET_KEY);
        registry.add("xstore.auth.credentials[0].user-name", () -> "tests");
        registry.add("xstore.auth.credentials[0].role", () -> "admin");
        registry.add("xstore.auth.fixed-users[0].username", () -> WEB_USER);
        registry.add("xstore.auth.fixed-users[0].password", () -> WEB_PASSWORD);
        registry.add("xstore.auth.fixed-users[0].name", () -> "Web User");
        registry.add("xstore.auth.fixed-users[0].role", () -> "admin");
        registry.add("xstore.watchdog.interval", () -> "1s");
    }

    protected static String apiBaseUrl() {
        return "http://127.0.0.1:" + API_PORT;
    }

    protected static String fileServerUrl() {
        return "http://127.0.0.1:" + FILESERVER_PORT;
    }

    protected static String webappUrl() {
        return "http://127.0.0.1:" + WEBAPP_PORT;
    }

    protected String kafkaBootstrapServers() {
        return kafkaConnection.bootstrapServers();
    }
}
