package io.xstore.projection.replay;

import com.mongodb.client.MongoDatabase;
import io.xstore.projection.processing.EventFeed;
import io.xstore.projection.processing.ProjectorPositions;
import io.xstore.projection.processing.ProjectorProgress;
import io.xstore.projection.processing.ProjectorSettings;
import io.xstore.projection.processing.StreamingProjector;
import io.xstore.projection.store.ReadModelStore;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Replays the event store into the next generation of read models while the server keeps answering from the live
 * one (docs/operations.md, "Online rebuilds"): new instances of the projections, with a projector of their own,
 * write {@code <collection>__g<n>} (through {@link GenerationDatabase}). At the head the two generations are
 * compared ({@link ReplayEquivalence}); when they are equal the live projector stops, the new one applies the tail,
 * the pointer ({@link ReadModelGeneration}) is switched, which every reader and the live projector follow, the live
 * projector starts again at the new generation's position, and the old collections are dropped.
 */
public final class OnlineReplay {

    private static final Logger log = LoggerFactory.getLogger(OnlineReplay.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(3);
    private static final Duration HEAD_TIMEOUT = Duration.ofMinutes(2);
    /** Readers that resolved an old collection just before the switch finish with it before it is dropped. */
    private static final Duration DROP_GRACE = Duration.ofSeconds(2);

    private final ReadModelGeneration generation;
    private final ReadModelStore liveStore;
    private final ProjectorPositions livePositions;
    private final ProjectorProgress liveProgress;
    private final EventFeed feed;
    private final Function<ReadModelStore, List<Object>> projections;

    /** {@code projections}: new instances of every read-model projection, writing to the given store. */
    public OnlineReplay(ReadModelGeneration generation, ReadModelStore liveStore, ProjectorPositions livePositions,
                        ProjectorProgress liveProgress, EventFeed feed,
                        Function<ReadModelStore, List<Object>> projections) {
        this.generation = generation;
        this.liveStore = liveStore;
        this.livePositions = livePositions;
        this.liveProgress = liveProgress;
        this.feed = feed;
        this.projections = projections;
    }

    /** What an online replay did, for its one-line summary. */
    public record Result(long events, int generation, ReplayEquivalence.Outcome equivalence, boolean switched,
                         Duration elapsed) {

        public boolean equal() {
            return equivalence.equal();
        }

        @Override
        public String toString() {
            double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
            return String.format(Locale.ROOT, "online replay: %d events into %d read models (generation g%d) in "
                            + "%.1f s (%.0f events/s); equivalence: %s; %s", events,
                    ReadModelGeneration.READ_MODELS.size(), generation, seconds, events / seconds, equivalence,
                    switched ? "reads switched to generation g" + generation + ", the old one dropped"
                            : equivalence.equal() ? "checked only, the live read models kept"
                            : "NOT switched, the live read models kept");
        }
    }

    /** Replays and compares; switches when {@code switchWhenEqual} and the comparison is clean. */
    public synchronized Result run(boolean switchWhenEqual, Consumer<String> report) {
        long started = System.nanoTime();
        List<StreamingProjector> live = liveProgress.readModelProjectors();
        if (live.size() != 1) {
            throw new IllegalStateException("expected one read-model projector, found " + live.size());
        }
        StreamingProjector liveProjector = live.get(0);
        int next = generation.number() + 1;
        String suffix = ReadModelGeneration.suffix(next);
        String replayerName = liveProjector.getName() + suffix;
        drop(suffix);
        livePositions.forget(replayerName);
        MongoDatabase replayed = GenerationDatabase.of(generation.raw(), Set.copyOf(ReadModelGeneration.READ_MODELS),
                () -> suffix);
        ReadModelStore store = new ReadModelStore(replayed, liveStore.directWrites());
        StreamingProjector replayer = new StreamingProjector(replayerName,
                SimpleEventHandlerInvoker.builder().eventHandlers(projections.apply(store)).build(), feed, store,
                livePositions, new ProjectorProgress(), ProjectorSettings.readModel());
        liveProjector.getHandlerInterceptors().forEach(replayer::registerHandlerInterceptor);
        boolean switched = false;
        try {
            long target = feed.head();
            report.accept(String.format(Locale.ROOT, "online replay: %d events into generation g%d (<read model>%s) "
                    + "beside the live generation g%d", target + 1, next, suffix, generation.number()));
            replayer.start();
            follow(replayer, target, started, report);
            follow(replayer, feed.head(), started, report);
            report.accept("online replay: at the head; comparing with the live read models");
            ReplayEquivalence.Outcome outcome = new ReplayEquivalence(generation.live(), replayed)
                    .compare(ReadModelGeneration.READ_MODELS, () -> bothAtHead(liveProjector, replayer));
            report.accept("online replay: equivalence: " + outcome);
            String old = generation.suffix();
            if (switchWhenEqual && outcome.equal()) {
                switchTo(next, liveProjector, replayer);
                switched = true;
                sleep(DROP_GRACE.toMillis());
                drop(old);
            }
            Result result = new Result(replayer.position() + 1, next, outcome, switched,
                    Duration.ofNanos(System.nanoTime() - started));
            log.info("{}", result);
            return result;
        } finally {
            replayer.shutDown();
            livePositions.forget(replayerName);
            if (!switched) {
                drop(suffix);
            }
        }
    }

    private void follow(StreamingProjector replayer, long target, long startedNanos, Consumer<String> report) {
        long lastReport = System.nanoTime();
        while (replayer.position() < target) {
            if (System.nanoTime() - lastReport >= REPORT_EVERY.toNanos()) {
                lastReport = System.nanoTime();
                long at = replayer.position() + 1;
                double seconds = Math.max((lastReport - startedNanos) / 1e9, 0.001);
                double rate = at / seconds;
                report.accept(String.format(Locale.ROOT, "online replay: %d of %d events (%d%%), %.0f events/s, "
                                + "ETA %s%s", at, target + 1, at * 100 / (target + 1), rate,
                        rate > 0 ? Math.round((target - replayer.position()) / rate) + " s" : "unknown",
                        replayer.isError() ? "; a projection is failing and retrying, see the log" : ""));
            }
            sleep(50);
        }
    }

    private boolean bothAtHead(StreamingProjector liveProjector, StreamingProjector replayer) {
        long head = feed.head();
        long deadline = System.nanoTime() + HEAD_TIMEOUT.toNanos();
        while (liveProjector.position() < head || replayer.position() < head) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(20);
        }
        return true;
    }

    /**
     * Stops the live projector, lets the new generation apply the tail, switches the pointer and starts the live
     * projector again at the new generation's position. Writers waiting to read their own writes are not held
     * meanwhile (a stopped projector does not count), so for that moment a read may miss the newest write.
     */
    private void switchTo(int next, StreamingProjector liveProjector, StreamingProjector replayer) {
        liveProjector.shutDown();
        try {
            long target = Math.max(feed.head(), liveProjector.position());
            long deadline = System.nanoTime() + HEAD_TIMEOUT.toNanos();
            while (replayer.position() < target) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the replayed read models did not reach position " + target);
                }
                sleep(5);
            }
            replayer.shutDown();
            generation.switchTo(next);
            livePositions.save(liveProjector.getName(), replayer.position());
            liveStore.forgetCachedDocuments();
        } finally {
            liveProjector.start();
        }
    }

    /** Drops the read-model collections of the generation with this suffix. */
    private void drop(String suffix) {
        MongoDatabase raw = generation.raw();
        List<String> existing = new ArrayList<>();
        raw.listCollectionNames().forEach(existing::add);
        for (String collection : ReadModelGeneration.READ_MODELS) {
            if (existing.contains(collection + suffix)) {
                raw.getCollection(collection + suffix).drop();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
