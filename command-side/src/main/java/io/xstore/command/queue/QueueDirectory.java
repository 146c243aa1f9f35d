package io.xstore.command.queue;

import java.util.List;
import java.util.Optional;

/**
 * What the queue write side looks up in the {@code queues} read model (the server provides it): names are unique per
 * company, the default queue is the one with system tag {@code default}.
 */
public interface QueueDirectory {

    /** The id of the company's queue with this name, if any (other than {@code exceptQueueId}). */
    Optional<String> idByName(String name, String company, String exceptQueueId);

    /** The company's default queue (system tag {@code default}); 400/708 when several. */
    Optional<String> defaultQueue(String company);

    /** The company's queues that hold the task. */
    List<String> queuesContaining(String taskId, String company);
}
