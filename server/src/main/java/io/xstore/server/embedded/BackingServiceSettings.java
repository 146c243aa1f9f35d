package io.xstore.server.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;

/**
 * Where each backing service comes from: an external endpoint when one is configured, else an embedded server
 * under the data directory. Read once, before the endpoints of the running services are published as properties.
 * {@code mongoStorage} ({@code xstore.mongo.embedded-storage}) applies to the embedded MongoDB only;
 * {@code kafkaControllerPort} ({@code xstore.kafka.embedded-controller-port}, 0 for any free port) to the embedded
 * Kafka's KRaft controller listener only.
 */
public record BackingServiceSettings(Path dataDir, Map<BackingService, ServiceSetting> services, Duration startTimeout,
                                     MongoStorage mongoStorage, int kafkaControllerPort) {

    public static final String DATA_DIR_PROPERTY = "xstore.data-dir";

    /** {@code externalEndpoint} is null when the service runs embedded; {@code embeddedPort} 0 means any free port. */
    public record ServiceSetting(String externalEndpoint, int embeddedPort) {
        public boolean embedded() {
            return externalEndpoint == null;
        }
    }

    public static BackingServiceSettings from(Environment env) {
        Map<BackingService, ServiceSetting> services = new EnumMap<>(BackingService.class);
        services.put(BackingService.MONGODB, new ServiceSetting(
                external(env, "xstore.mongo.uri", "CLEARML_MONGODB_SERVICE", "mongodb://", 27017),
                env.getProperty("xstore.mongo.embedded-port", Integer.class, 0)));
        services.put(BackingService.ELASTICSEARCH, new ServiceSetting(
                external(env, "xstore.elastic.url", "CLEARML_ELASTIC_SERVICE", "http://", 9200),
                env.getProperty("xstore.elastic.embedded-port", Integer.class, 0)));
        services.put(BackingService.KAFKA, new ServiceSetting(
                blankToNull(env.getProperty("xstore.kafka.bootstrap-servers")),
                env.getProperty("xstore.kafka.embedded-port", Integer.class, 0)));
        return new BackingServiceSettings(dataDir(env), Map.copyOf(services),
                DurationStyle.detectAndParse(env.getProperty("xstore.embedded.start-timeout", "180s")),
                MongoStorage.from(env), env.getProperty("xstore.kafka.embedded-controller-port", Integer.class, 0));
    }

    public static Path dataDir(Environment env) {
        return Path.of(env.getProperty(DATA_DIR_PROPERTY, "./data")).toAbsolutePath().normalize();
    }

    public ServiceSetting setting(BackingService service) {
        return services.get(service);
    }

    private static String external(Environment env, String property, String clearMlPrefix, String scheme, int defaultPort) {
        String configured = blankToNull(env.getProperty(property));
        if (configured != null) {
            return configured;
        }
        String host = blankToNull(env.getProperty(clearMlPrefix + "_HOST"));
        if (host == null) {
            return null;
        }
        return scheme + host + ":" + env.getProperty(clearMlPrefix + "_PORT", String.valueOf(defaultPort));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
