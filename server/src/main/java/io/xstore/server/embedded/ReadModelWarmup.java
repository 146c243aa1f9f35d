package io.xstore.server.embedded;

import io.xstore.migration.ops.DataDirFormat;
import io.xstore.migration.ops.ServerVersion;
import io.xstore.projection.processing.EventFeed;
import io.xstore.projection.replay.ReadModelRebuilder;
import io.xstore.server.eventstore.EventStoreCarryOver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Brings the read models up to the head of the event store before the listeners open: after any start only the tail
 * their stored position has not reached (the whole store when they are new or kept in memory), everything on request
 * ({@code --migrate=rebuild-read-models}) or after an event store was carried over from the old format, and on the
 * first start on a data directory of an older format ({@link DataDirFormat}), which is then recorded as upgraded.
 * <p>
 * Runs in a lifecycle phase after Axon's, which starts the projectors, and before the web server's.
 */
@Component
public class ReadModelWarmup implements SmartLifecycle {

    /** After Axon's processors start, before the web server's listeners (MAX - 2048). */
    static final int PHASE = Integer.MAX_VALUE - 2560;

    /** {@code --migrate=rebuild-read-models} asks for the rebuild whatever MongoDB holds (external too). */
    public static final String REBUILD_ACTION = "rebuild-read-models";

    private static final Logger log = LoggerFactory.getLogger(ReadModelWarmup.class);

    private final ReadModelRebuilder rebuilder;
    private final EventStoreCarryOver carryOver;
    private final Duration timeout;
    private final String migrate;
    private final EventFeed feed;
    private final Path dataDir;
    private volatile boolean running;

    public ReadModelWarmup(ReadModelRebuilder rebuilder, EventStoreCarryOver carryOver, EventFeed feed,
                           BackingServices services,
                           @Value("${xstore.mongo.rebuild-timeout:1h}") Duration timeout,
                           @Value("${migrate:}") String migrate) {
        this.rebuilder = rebuilder;
        this.carryOver = carryOver;
        this.feed = feed;
        this.dataDir = services.dataDir();
        this.timeout = timeout;
        this.migrate = migrate;
    }

    @Override
    public void start() {
        DataDirFormat.Found format = DataDirFormat.read(dataDir, feed.head() >= 0);
        if (format.newerThanThisServer()) {
            throw new IllegalStateException("data directory " + dataDir + " has format " + format.format()
                    + ", written by " + format.writtenBy() + "; this server (" + ServerVersion.current()
                    + ") reads formats up to " + DataDirFormat.CURRENT + ": run the newer server, or restore a backup");
        }
        boolean upgrade = format.needsUpgrade();
        long started = System.nanoTime();
        long replayed = -1;
        if (carryOver.carriedOver() || REBUILD_ACTION.equals(migrate) || "rebuild-all".equals(migrate)
                || upgrade && DataDirFormat.readModelsRebuiltFrom(format.format())) {
            replayed = rebuilder.rebuildAll(timeout, log::info);
        } else {
            rebuilder.catchUp(timeout, log::info, "catch-up");
        }
        if (format.format() != DataDirFormat.CURRENT) {
            DataDirFormat.writeCurrent(dataDir, format.format());
        }
        if (upgrade) {
            log.info(String.format(Locale.ROOT, "data directory %s upgraded from format %d (%s) to %d by %s: events "
                            + "of older revisions are upcast on read%s", dataDir, format.format(), format.writtenBy(),
                    DataDirFormat.CURRENT, ServerVersion.current(), replayed < 0 ? ""
                            : String.format(Locale.ROOT, ", read models rebuilt from %d events in %.1f s", replayed,
                            (System.nanoTime() - started) / 1e9)));
        }
        running = true;
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
