package io.xstore.server.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import io.xstore.projection.replay.ProjectionPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the read models from the event store at start when the embedded MongoDB does not hold them: kept in
 * memory, or on disk but new, or left by a run that did not shut down cleanly (see {@link EmbeddedMongo}).
 * <p>
 * Runs in a lifecycle phase before Axon's: it resets the projections' tokens (their {@code @ResetHandler}s clear
 * the collections) while no processor runs yet, starts them and waits until they have replayed the store. Axon's
 * own start then finds them running. Resetting before the start, rather than shutting down processors that Axon
 * has just started in the background, avoids a race in which a processor never claims its segment again. No port
 * is open and no {@code ApplicationReadyEvent} listener (credentials bootstrap, ready line) has run until then.
 */
@Component
public class ReadModelWarmup implements SmartLifecycle {

    /** Before Axon's {@code SpringAxonConfiguration} (MAX - 3072), which starts the event processors. */
    static final int PHASE = Integer.MAX_VALUE - 3584;

    /** {@code --migrate=rebuild-read-models} asks for the rebuild whatever MongoDB holds (external too). */
    public static final String REBUILD_ACTION = "rebuild-read-models";

    private static final Logger log = LoggerFactory.getLogger(ReadModelWarmup.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    /** A killed run's claims on the tokens expire after Axon's claim timeout (10 s by default). */
    private static final Duration CLAIM_WAIT = Duration.ofMinutes(1);

    private final BackingServices services;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Duration timeout;
    private final String migrate;
    private volatile boolean running;

    public ReadModelWarmup(BackingServices services, EventProcessingConfiguration processing, EventStore eventStore,
                           @Value("${xstore.mongo.rebuild-timeout:1h}") Duration timeout,
                           @Value("${migrate:}") String migrate) {
        this.services = services;
        this.processing = processing;
        this.eventStore = eventStore;
        this.timeout = timeout;
        this.migrate = migrate;
    }

    @Override
    public void start() {
        Path flag = EmbeddedMongo.rebuildFlag(services.dataDir().resolve("mongo"));
        boolean flagged = services.isEmbedded(BackingService.MONGODB) && Files.exists(flag);
        if (flagged || REBUILD_ACTION.equals(migrate) || "rebuild-all".equals(migrate)) {
            rebuild();
            try {
                Files.deleteIfExists(flag);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + flag, e);
            }
        }
        running = true;
    }

    private void rebuild() {
        List<StreamingEventProcessor> processors = ProjectionPositions.replayableProcessors(processing);
        long target = ProjectionPositions.head(eventStore);
        log.info("rebuilding the read models ({} projections) from the event store, up to position {}",
                processors.size(), target);
        long started = System.nanoTime();
        for (StreamingEventProcessor processor : processors) {
            reset(processor);
        }
        processors.forEach(StreamingEventProcessor::start);
        long deadline = started + timeout.toNanos();
        long lastReport = System.nanoTime();
        long slowest;
        while ((slowest = ProjectionPositions.slowest(processors)) < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the read models were not rebuilt within " + timeout
                        + " (at position " + slowest + " of " + target + ")");
            }
            if (System.nanoTime() - lastReport > PROGRESS_EVERY.toNanos()) {
                log.info(String.format(Locale.ROOT, "read models: replay at position %d of %d (%.0f/s)%s", slowest,
                        target, slowest / seconds(started), inError(processors)));
                lastReport = System.nanoTime();
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        double seconds = seconds(started);
        log.info(String.format(Locale.ROOT, "read models rebuilt up to position %d in %.1f s (%.0f events/s)",
                target, seconds, Math.max(target, 0) / seconds));
    }

    private static void reset(StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
        while (true) {
            try {
                processor.resetTokens();
                return;
            } catch (RuntimeException e) {
                if (!claimedElsewhere(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                log.info("projection {}: its tokens are still claimed by an earlier run; retrying", processor.getName());
                LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
            }
        }
    }

    private static boolean claimedElsewhere(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnableToClaimTokenException) {
                return true;
            }
        }
        return false;
    }

    /** The position every projection has reached; -1 while one has not claimed its segment yet. */

    private static String inError(List<StreamingEventProcessor> processors) {
        return processors.stream().anyMatch(StreamingEventProcessor::isError)
                ? "; a projection is in error and retrying, see its log" : "";
    }

    private static double seconds(long startNanos) {
        return Math.max((System.nanoTime() - startNanos) / 1e9, 1e-3);
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
