package io.xstore.projection.processing;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * While a projector applies one page of a catch-up, the next page is read and its payloads deserialized on a thread
 * of its own: deserialization was a third of a replay's time on the projector thread, now it overlaps the bulk
 * write of the page before.
 */
final class PagePrefetch implements AutoCloseable {

    private final ExecutorService reader;
    private final LongFunction<List<TrackedEventMessage<?>>> readAfter;
    private CompletableFuture<List<TrackedEventMessage<?>>> page;
    private long after;

    PagePrefetch(String projector, LongFunction<List<TrackedEventMessage<?>>> readAfter) {
        this.readAfter = readAfter;
        this.reader = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "projector-" + projector + "-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts reading the page after {@code position}. */
    void request(long position) {
        after = position;
        page = CompletableFuture.supplyAsync(() -> deserialized(readAfter.apply(position)), reader);
    }

    /** The page after {@code position} if it was requested and read; else null (the caller reads it itself). */
    List<TrackedEventMessage<?>> take(long position) {
        CompletableFuture<List<TrackedEventMessage<?>>> requested = page;
        page = null;
        if (requested == null || after != position) {
            return null;
        }
        try {
            return requested.join();
        } catch (CompletionException e) {
            return null;
        }
    }

    /**
     * Deserializes the payloads. Not the metadata: the read-model handlers do not read it, and deserializing it was a
     * quarter of this thread's time; a handler that asks for it still gets it, deserialized then.
     */
    private static List<TrackedEventMessage<?>> deserialized(List<TrackedEventMessage<?>> events) {
        for (TrackedEventMessage<?> event : events) {
            event.getPayload();
        }
        return events;
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
