package io.xstore.api.queue;

import java.time.Instant;

/** One entry of a queue: the task and when it was added. */
public record QueueEntry(String task, Instant added) {
}
