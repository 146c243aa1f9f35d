package io.xstore.server.embedded;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/** A Kafka 4 broker and KRaft controller in one process role set, in this JVM; storage formatted on first start. */
final class EmbeddedKafka implements EmbeddedService {

    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Path dir;
    private final int configuredPort;
    private final int configuredControllerPort;
    private KafkaRaftServer server;

    EmbeddedKafka(Path dir, int brokerPort, int controllerPort) {
        this.dir = dir;
        this.configuredPort = brokerPort;
        this.configuredControllerPort = controllerPort;
    }

    @Override
    public String start() throws Exception {
        Files.createDirectories(dataPath());
        // KafkaRaftServer does not expose its bound ports, so both are picked before binding
        int port = configuredPort == 0 ? FreePort.pick() : configuredPort;
        Properties config = brokerConfig(port, configuredControllerPort == 0 ? FreePort.pick() : configuredControllerPort);
        formatStorageOnce(config);
        server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        return "127.0.0.1:" + port;
    }

    @Override
    public Path dataPath() {
        return dir.resolve("log");
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    private Properties brokerConfig(int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        // a static quorum: the controller port may change between runs, nothing about it is stored
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", BROKER_LISTENER + "://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", dataPath().toString());
        // one node: internal topics with one replica and one partition (50 partitions cost seconds and files)
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // faster broker registration and unfencing at start (the default heartbeat is 2 s)
        p.put("broker.heartbeat.interval.ms", "500");
        // after a kill -9 the controller keeps the dead incarnation's session until it expires (default 9 s), and
        // the restarted broker is not unfenced before that; much shorter would fence a busy broker
        p.put("broker.session.timeout.ms", "4000");
        return p;
    }

    /** Runs the storage tool's format command, as an operator would once before the first start. */
    private void formatStorageOnce(Properties config) throws Exception {
        if (Files.exists(dataPath().resolve("meta.properties"))) {
            return;
        }
        Path file = dir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            config.store(writer, "embedded kafka of xstore, written for the storage format command");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = StorageTool.execute(new String[] {
                "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", file.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }
}
