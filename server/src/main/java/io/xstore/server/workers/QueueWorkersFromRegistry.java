package io.xstore.server.workers;

import io.xstore.query.queues.QueueWorkers;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** queues.get_all_ex {@code workers}: the live workers listening on a queue, from the registry. */
@Component
public class QueueWorkersFromRegistry implements QueueWorkers {

    private final WorkerRegistry registry;

    public QueueWorkersFromRegistry(WorkerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<Map<String, Object>> listening(String queueId, String company) {
        return registry.all(company).stream().filter(w -> w.queues().contains(queueId)).map(w -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", w.id());
            out.put("ip", w.ip());
            out.put("key", "worker_" + w.company() + "___" + w.userId() + "___" + w.id());
            out.put("task", w.task() == null ? null : Map.of("id", w.task()));
            return out;
        }).toList();
    }
}
