package io.xstore.server.embedded;

import io.xstore.projection.store.DirectDocumentWrites;
import io.xstore.readmodel.DirectDocumentReads;
import io.xstore.server.embedded.BackingServiceSettings.ServiceSetting;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The running backing services: embedded ones start in parallel, each on its own thread, as soon as the data
 * directory is locked; callers block in {@link #endpoint} only for the service they need. Closing stops the
 * embedded ones in reverse start order.
 */
public final class BackingServices implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackingServices.class);

    private final BackingServiceSettings settings;
    private final Map<BackingService, EmbeddedService> embedded = new EnumMap<>(BackingService.class);
    private final Map<BackingService, CompletableFuture<String>> endpoints = new EnumMap<>(BackingService.class);
    private final Map<BackingService, String> plannedEndpoints = new EnumMap<>(BackingService.class);

    private BackingServices(BackingServiceSettings settings) {
        this.settings = settings;
    }

    /** Starts every service that has no external endpoint configured; returns at once. */
    public static BackingServices start(BackingServiceSettings settings) {
        BackingServices services = new BackingServices(settings);
        for (BackingService service : BackingService.values()) {
            services.launch(service);
        }
        return services;
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    public boolean isEmbedded(BackingService service) {
        return embedded.containsKey(service);
    }

    /** The endpoint of a ready service (mongodb:// URI, http:// URL or Kafka bootstrap servers); waits for its start. */
    public String endpoint(BackingService service) {
        try {
            return endpoints.get(service).get(settings.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + service.displayName(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("embedded " + service.displayName() + " failed to start", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("embedded " + service.displayName() + " did not start within "
                    + settings.startTimeout().toSeconds() + " s", e);
        }
    }

    /**
     * How read-model documents are read by id without the driver: only from the embedded MongoDB keeping its data on
     * disk (waits for its start); {@link DirectDocumentReads#NONE} otherwise.
     */
    public DirectDocumentReads directMongoReads() {
        if (!(embedded.get(BackingService.MONGODB) instanceof EmbeddedMongo mongo)) {
            return DirectDocumentReads.NONE;
        }
        endpoint(BackingService.MONGODB);
        return mongo.directReads();
    }

    /**
     * How the projectors write read-model documents into the MongoDB without the driver: only into the embedded one
     * keeping its data on disk (waits for its start); {@link DirectDocumentWrites#NONE} otherwise.
     */
    public DirectDocumentWrites directMongoWrites() {
        if (!(embedded.get(BackingService.MONGODB) instanceof EmbeddedMongo mongo)) {
            return DirectDocumentWrites.NONE;
        }
        endpoint(BackingService.MONGODB);
        return mongo.directWrites();
    }

    /** Whether this process runs {@code service} itself (else it uses an external one). */
    public boolean runsEmbedded(BackingService service) {
        return embedded.containsKey(service);
    }

    /**
     * The endpoint without waiting for the start where it is known before (an external service; the embedded
     * Elasticsearch, whose port is fixed before it starts), else as {@link #endpoint}: for clients that can be built
     * while the service starts. Their requests must wait for {@link #endpoint} first.
     */
    public String endpointBeforeStart(BackingService service) {
        String planned = plannedEndpoints.get(service);
        return planned != null ? planned : endpoint(service);
    }

    @Override
    public void destroy() {
        List<BackingService> order = List.of(BackingService.values());
        for (int i = order.size() - 1; i >= 0; i--) {
            stop(order.get(i));
        }
    }

    private void launch(BackingService service) {
        ServiceSetting setting = settings.setting(service);
        if (!setting.embedded()) {
            log.info("{}: external, at {}", service.displayName(), withoutCredentials(setting.externalEndpoint()));
            endpoints.put(service, CompletableFuture.completedFuture(setting.externalEndpoint()));
            plannedEndpoints.put(service, setting.externalEndpoint());
            return;
        }
        EmbeddedService server = create(service, setting.embeddedPort());
        if (server.plannedEndpoint() != null) {
            plannedEndpoints.put(service, server.plannedEndpoint());
        }
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        embedded.put(service, server);
        endpoints.put(service, endpoint);
        Thread starter = new Thread(() -> run(service, server, endpoint), "xstore-start-" + service.displayName());
        starter.setDaemon(true);
        starter.start();
    }

    private EmbeddedService create(BackingService service, int port) {
        Path dataDir = settings.dataDir();
        return switch (service) {
            case MONGODB -> new EmbeddedMongo(dataDir.resolve("mongo"), port, settings.mongoStorage());
            case ELASTICSEARCH -> new EmbeddedElasticsearch(dataDir.resolve("elasticsearch"), port);
            case KAFKA -> new EmbeddedKafka(dataDir.resolve("kafka"), port, settings.kafkaControllerPort());
        };
    }

    private static void run(BackingService service, EmbeddedService server, CompletableFuture<String> endpoint) {
        long started = System.nanoTime();
        try {
            String address = server.start();
            log.info("embedded {} started on {} in {} s, data in {}", service.displayName(), hostPort(address),
                    seconds(started), server.dataPath());
            endpoint.complete(address);
        } catch (Throwable e) {
            log.error("embedded {} failed to start: {}", service.displayName(), e.toString());
            endpoint.completeExceptionally(e);
        }
    }

    private void stop(BackingService service) {
        EmbeddedService server = embedded.remove(service);
        if (server == null) {
            return;
        }
        try {
            // a start still under way (the context failed early) must finish before its files can be closed
            endpoints.get(service).handle((address, failure) -> address)
                    .get(settings.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("embedded {} did not finish starting before shutdown: {}", service.displayName(), e.toString());
        }
        long started = System.nanoTime();
        try {
            server.close();
            log.info("embedded {} stopped in {} s", service.displayName(), seconds(started));
        } catch (RuntimeException e) {
            log.warn("embedded {} did not stop cleanly: {}", service.displayName(), e.toString());
        }
    }

    private static String hostPort(String address) {
        return address.replaceFirst("^[a-z]+://", "");
    }

    static String withoutCredentials(String endpoint) {
        return endpoint.replaceFirst("//[^/@]*@", "//***@");
    }

    private static String seconds(long startNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9);
    }
}
