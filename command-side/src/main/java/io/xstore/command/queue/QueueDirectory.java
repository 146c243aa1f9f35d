package io.xstore.command.queue;

import java.util.List;
import java.util.Optional;

/**
 * What the queue write side looks up in the {@code queues} read model (the server provides it): the default queue is
 * the one with system tag {@code default}. Names are checked in {@link QueueNames}, which is never behind.
 */
public interface QueueDirectory {

    /** The company's default queue (system tag {@code default}); 400/708 when several. */
    Optional<String> defaultQueue(String company);

    /** The company's queues that hold the task. */
    List<String> queuesContaining(String taskId, String company);
}
