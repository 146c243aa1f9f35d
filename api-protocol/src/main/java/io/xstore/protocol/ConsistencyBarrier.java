package io.xstore.protocol;

/**
 * Read-your-writes: blocks until every projection has processed all events appended so far. The dispatcher calls
 * it after any call that dispatched a command; an endpoint that must read its own write before it answers calls it
 * itself.
 */
public interface ConsistencyBarrier {

    void awaitProjections();
}
