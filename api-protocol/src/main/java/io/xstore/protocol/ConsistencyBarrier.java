package io.xstore.protocol;

/**
 * Read-your-writes. The dispatcher calls {@link #awaitOwnWrites()} after any call that dispatched a command; an
 * endpoint whose write was appended by another thread (the metric indexer's summary) calls
 * {@link #awaitProjections()} itself before it answers.
 */
public interface ConsistencyBarrier {

    /** Blocks until every projection has applied all events stored so far. */
    void awaitProjections();

    /** Blocks until every projection has applied the events this thread appended during the current call. */
    void awaitOwnWrites();
}
