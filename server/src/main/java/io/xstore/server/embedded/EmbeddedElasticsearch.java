package io.xstore.server.embedded;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;

/**
 * An Elasticsearch node inside this JVM: single-node discovery, loopback only, only the server core and the Netty
 * transport module (no x-pack, so no security, ML, geoip downloads or anything that calls out).
 */
final class EmbeddedElasticsearch implements EmbeddedService {

    private static boolean jvmConfigured;
    private static PluginsLoader pluginsLoader;

    private final Path dir;
    private final int httpPort;
    private Node node;

    /** {@code httpPort} 0: a free port picked now, so that clients can be built before the node has started. */
    EmbeddedElasticsearch(Path dir, int httpPort) {
        this.dir = dir;
        this.httpPort = httpPort == 0 ? FreePort.pick() : httpPort;
    }

    @Override
    public String plannedEndpoint() {
        return "http://127.0.0.1:" + httpPort;
    }

    @Override
    public String start() throws Exception {
        Path home = dir.resolve("home");
        ElasticsearchHome.prepare(home);
        configureJvmOnce();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings(home), Map.of(), null, () -> "xstore");
        node = new InProcessNode(environment, pluginsLoader(environment));
        node.start();
        String url = plannedEndpoint();
        applySingleNodeIndexDefaults(url);
        awaitPrimaryShards(url);
        return url;
    }

    @Override
    public Path dataPath() {
        return dir.resolve("data");
    }

    @Override
    public void close() {
        if (node == null) {
            return;
        }
        try {
            node.close();
            node.awaitClose(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("closing embedded elasticsearch failed", e);
        } finally {
            node = null;
        }
    }

    private Settings settings(Path home) {
        return Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", dataPath().toString())
                .put("path.logs", dir.resolve("logs").toString())
                .put("cluster.name", "xstore")
                .put("node.name", "xstore")
                .put("network.host", "127.0.0.1")
                .put("http.port", String.valueOf(httpPort))
                .put("transport.port", "0")
                .put("discovery.type", "single-node")
                // development machines and CI often run with little free disk: never block writes for it
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                // the heap is shared with the whole server: the real-memory breaker would trip on the server's garbage
                .put("indices.breaker.total.use_real_memory", false)
                .put("action.auto_create_index", true)
                .build();
    }

    /** A single node can never allocate replicas: indices without their own template get none (green, not yellow). */
    private static void applySingleNodeIndexDefaults(String url) throws Exception {
        String body = "{\"index_patterns\":[\"*\"],\"priority\":0,"
                + "\"template\":{\"settings\":{\"number_of_replicas\":0}}}";
        send(HttpRequest.newBuilder(URI.create(url + "/_index_template/xstore-single-node-defaults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), "install single-node index defaults");
    }

    /** After a restart the node is up before its shards are: ready means every existing index can be read. */
    private static void awaitPrimaryShards(String url) throws Exception {
        send(HttpRequest.newBuilder(URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=120s")).GET(),
                "wait for the primary shards");
    }

    private static void send(HttpRequest.Builder request, String what) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(150)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("embedded elasticsearch: cannot " + what + ": " + response.body());
        }
    }

    /** A node that shares its JVM with other nodes over time (a restart, tests). */
    private static final class InProcessNode extends Node {

        InProcessNode(Environment environment, PluginsLoader plugins) {
            super(environment, plugins);
        }

        /**
         * Skipped: it records node and cluster id once per JVM, for Elasticsearch's own log layout (which is not
         * used here), and fails on the second node a JVM starts.
         */
        @Override
        protected void configureNodeAndClusterIdStateListener(ClusterService clusterService) {
        }
    }

    /**
     * One loader per JVM: each loader defines the module's classes anew, and the Netty transport's static
     * initializer registers names in Netty's global constant pool, so a second definition (a node restarted in
     * the same JVM, as tests do) would fail. withServerExports=false: the server runs from the class path.
     */
    private static synchronized PluginsLoader pluginsLoader(Environment environment) {
        if (pluginsLoader == null) {
            pluginsLoader = PluginsLoader.createPluginsLoader(
                    PluginsLoader.loadModulesBundles(environment.modulesDir()),
                    PluginsLoader.loadPluginsBundles(environment.pluginsDir()), Map.of(), false);
        }
        return pluginsLoader;
    }

    /**
     * Routes Elasticsearch's own logging API to log4j-core, which Spring Boot has configured. Also stops the node
     * from fixing Netty's processor count: Netty is shared with the embedded MongoDB, which may have read it first
     * (Netty then rejects the second setting and the node fails to start).
     */
    private static synchronized void configureJvmOnce() {
        if (!jvmConfigured) {
            System.setProperty("es.set.netty.runtime.available.processors", "false");
            LogConfigurator.configureESLogging();
            jvmConfigured = true;
        }
    }
}
