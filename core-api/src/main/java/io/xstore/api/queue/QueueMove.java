package io.xstore.api.queue;

/** How {@link MoveQueueEntryCommand} moves an entry. */
public enum QueueMove {
    BY_COUNT, TO_FRONT, TO_BACK
}
