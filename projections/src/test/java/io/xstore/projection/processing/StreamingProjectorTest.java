package io.xstore.projection.processing;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import io.xstore.projection.EmbeddedMongo;
import io.xstore.projection.store.ReadModelCollection;
import io.xstore.projection.store.ReadModelStore;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class StreamingProjectorTest {

    record Created(String id) {
    }

    record Counted(String id, int value) {
    }

    record Poison(String id) {
    }

    /** Counts into documents; a poison event fails as long as {@code failures} is positive. */
    static final class Counter {
        final ReadModelCollection docs;
        final AtomicInteger failures = new AtomicInteger();
        final List<String> seen = new ArrayList<>();

        Counter(ReadModelStore store) {
            docs = store.collection("counts");
        }

        @EventHandler
        void on(Created event) {
            seen.add("created " + event.id());
            docs.replace(event.id(), new Document("values", List.of()).append("last", 0));
        }

        @EventHandler
        void on(Counted event) {
            seen.add("counted " + event.id() + " " + event.value());
            Document doc = docs.find(event.id());
            List<Object> values = new ArrayList<>(doc.getList("values", Object.class));
            values.add(event.value());
            docs.update(event.id(), List.of(Updates.set("values", values), Updates.max("last", event.value())));
        }

        @EventHandler
        void on(Poison event) {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("poisoned " + event.id());
            }
            docs.update(event.id(), List.of(Updates.set("cured", true)));
        }
    }

    /** A second processing group with a collection of its own: counts every Counted event per document. */
    static final class Tally {
        final ReadModelCollection tallies;

        Tally(ReadModelStore store) {
            tallies = store.collection("tallies");
        }

        @EventHandler
        void on(Counted event) {
            Document doc = tallies.find(event.id());
            int seen = doc == null ? 0 : doc.getInteger("seen");
            tallies.replace(event.id(), new Document("seen", seen + 1).append("last", event.value()));
        }
    }

    private MongoDatabase database;
    private ReadModelStore store;
    private ProjectorPositions positions;
    private ProjectorProgress progress;
    private ListFeed feed;
    private final List<StreamingProjector> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        database = EmbeddedMongo.freshDatabase();
        store = new ReadModelStore(database);
        positions = new ProjectorPositions(database);
        progress = new ProjectorProgress();
        feed = new ListFeed();
    }

    @AfterEach
    void tearDown() {
        started.forEach(StreamingProjector::shutDown);
    }

    private StreamingProjector start(Counter counter, ProjectorSettings settings) {
        StreamingProjector projector = new StreamingProjector("counts", SimpleEventHandlerInvoker.builder()
                .eventHandlers(counter).listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build(),
                feed, store, positions, progress, settings);
        projector.start();
        started.add(projector);
        return projector;
    }

    private Document doc(String id) {
        return database.getCollection("counts").find(new Document("_id", id)).first();
    }

    @Test
    void foldsABatchIntoEachDocumentAndStoresThePositionByTheStop() {
        for (int i = 0; i < 50; i++) {
            feed.append(new Created("d" + i));
        }
        for (int v = 1; v <= 20; v++) {
            for (int i = 0; i < 50; i++) {
                feed.append(new Counted("d" + i, v));
            }
        }
        StreamingProjector projector = start(new Counter(store), ProjectorSettings.readModel());

        assertThat(progress.await(feed.head(), Duration.ofSeconds(10))).isTrue();
        projector.shutDown();

        assertThat(doc("d7").getList("values", Integer.class)).hasSize(20).endsWith(19, 20);
        assertThat(doc("d7").get("last")).isEqualTo(20);
        assertThat(positions.load("counts")).hasValue(feed.head());
    }

    @Test
    void aRestartResumesAfterTheStoredPositionWithoutApplyingEarlierEventsAgain() {
        feed.append(new Created("a"), new Counted("a", 1));
        StreamingProjector first = start(new Counter(store), ProjectorSettings.readModel());
        assertThat(progress.await(1, Duration.ofSeconds(10))).isTrue();
        first.shutDown();

        feed.append(new Counted("a", 2));
        Counter counter = new Counter(store);
        start(counter, ProjectorSettings.readModel());

        assertThat(progress.await(2, Duration.ofSeconds(10))).isTrue();
        assertThat(counter.seen).containsExactly("counted a 2");
        assertThat(doc("a").getList("values", Integer.class)).containsExactly(1, 2);
    }

    @Test
    void aFailingEventIsNeverSkippedTheEventsBeforeItAreKeptAndItResumesOnceItPasses() {
        Counter counter = new Counter(store);
        counter.failures.set(2);
        feed.append(new Created("p"), new Counted("p", 1), new Poison("p"), new Counted("p", 2));
        StreamingProjector projector = start(counter, ProjectorSettings.readModel());

        assertThat(progress.await(1, Duration.ofSeconds(5))).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!projector.isError() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(projector.isError()).isTrue();
        assertThat(projector.position()).isEqualTo(1);
        assertThat(projector.health().error()).contains("position 2", "Poison", "poisoned p");

        assertThat(progress.await(3, Duration.ofSeconds(10))).isTrue();
        assertThat(projector.isError()).isFalse();
        assertThat(doc("p").getBoolean("cured")).isTrue();
        assertThat(doc("p").getList("values", Integer.class)).containsExactly(1, 2);
    }

    @Test
    void aCatchUpFoldsTheGroupsSideBySideAndAFailingEventInAPageStillKeepsTheEventsBeforeIt() {
        Counter counter = new Counter(store);
        counter.failures.set(1);
        for (int i = 0; i < 30; i++) {
            feed.append(new Created("g" + i));
        }
        for (int v = 1; v <= 100; v++) {
            for (int i = 0; i < 30; i++) {
                feed.append(new Counted("g" + i, v));
            }
            if (v == 60) {
                feed.append(new Poison("g3"));
            }
        }
        long poison = 30 + 60 * 30;
        Tally tally = new Tally(store);
        StreamingProjector projector = new StreamingProjector("groups", new MultiEventHandlerInvoker(
                invoker(counter), invoker(tally)), feed, store, positions, progress, ProjectorSettings.readModel());
        projector.start();
        started.add(projector);

        assertThat(progress.await(poison - 1, Duration.ofSeconds(10))).isTrue();
        assertThat(progress.await(feed.head(), Duration.ofSeconds(20))).isTrue();
        projector.shutDown();

        assertThat(counter.seen).contains("counted g3 60");
        assertThat(doc("g3").getList("values", Integer.class)).hasSize(100).startsWith(1, 2).endsWith(100);
        assertThat(doc("g3").getBoolean("cured")).isTrue();
        Document tallied = database.getCollection("tallies").find(new Document("_id", "g3")).first();
        assertThat(tallied.getInteger("seen")).isEqualTo(100);
        assertThat(tallied.getInteger("last")).isEqualTo(100);
        assertThat(positions.load("groups")).hasValue(feed.head());
    }

    private static SimpleEventHandlerInvoker invoker(Object handlers) {
        return SimpleEventHandlerInvoker.builder().eventHandlers(handlers)
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build();
    }

    @Test
    void sideEffectProjectorsStartAtTheHeadOfTheStore() {
        feed.append(new Created("old"));
        Counter counter = new Counter(store);
        start(counter, ProjectorSettings.sideEffects());
        feed.append(new Created("new"));

        assertThat(progress.await(1, Duration.ofSeconds(10))).isTrue();
        assertThat(counter.seen).containsExactly("created new");
    }
}
