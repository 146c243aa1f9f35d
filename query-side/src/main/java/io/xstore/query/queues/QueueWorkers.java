package io.xstore.query.queues;

import java.util.List;
import java.util.Map;

/** The workers listening on a queue (queues.get_all_ex {@code workers}); the server's worker registry answers. */
public interface QueueWorkers {

    /** {@code [{name, ip, key, task}]} of the company's live workers listening on the queue. */
    List<Map<String, Object>> listening(String queueId, String company);
}
