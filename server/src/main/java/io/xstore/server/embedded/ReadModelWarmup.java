package io.xstore.server.embedded;

import io.xstore.projection.replay.ReadModelRebuilder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the read models from the event store at start when the embedded MongoDB does not hold them: kept in
 * memory, or on disk but new, or left by a run that did not shut down cleanly (see {@link EmbeddedMongo}).
 * <p>
 * A lifecycle phase between Axon's (its processors run from then on) and the web server's: no port is open, no
 * {@code ApplicationReadyEvent} listener (credentials bootstrap, ready line) runs, until the replay is done.
 */
@Component
public class ReadModelWarmup implements SmartLifecycle {

    /** After Axon's {@code SpringAxonConfiguration} (MAX - 3072), before the web server's start (MAX - 2048). */
    static final int PHASE = Integer.MAX_VALUE - 2560;

    private static final Logger log = LoggerFactory.getLogger(ReadModelWarmup.class);

    private final BackingServices services;
    private final ReadModelRebuilder rebuilder;
    private final EventProcessingConfiguration processing;
    private final Duration timeout;
    private volatile boolean running;

    public ReadModelWarmup(BackingServices services, ReadModelRebuilder rebuilder,
                           EventProcessingConfiguration processing,
                           @Value("${xstore.mongo.rebuild-timeout:1h}") Duration timeout) {
        this.services = services;
        this.rebuilder = rebuilder;
        this.processing = processing;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        Path flag = EmbeddedMongo.rebuildFlag(services.dataDir().resolve("mongo"));
        if (services.isEmbedded(BackingService.MONGODB) && Files.exists(flag)) {
            rebuild();
            try {
                Files.delete(flag);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + flag, e);
            }
        }
        running = true;
    }

    private void rebuild() {
        log.info("rebuilding the read models from the event store");
        long started = System.nanoTime();
        awaitProcessorsStarted();
        long events = rebuilder.rebuildAll(timeout, line -> {
            if (line.startsWith("replay at ")) {
                log.info("read models: {}", line);
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info(String.format(Locale.ROOT, "read models rebuilt from %d events in %.1f s (%.0f events/s)",
                events, seconds, events / Math.max(seconds, 1e-3)));
    }

    /**
     * Axon starts its processors in the background; shutting one down before it has claimed its segments leaves it
     * unable to claim them after the reset (it then never catches up), so the replay waits for that first.
     */
    private void awaitProcessorsStarted() {
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        for (StreamingEventProcessor processor : processors) {
            while (!processor.isRunning() || processor.processingStatus().isEmpty()) {
                if (System.nanoTime() > deadline) {
                    log.warn("projection {} has not started within a minute; replaying anyway", processor.getName());
                    return;
                }
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
