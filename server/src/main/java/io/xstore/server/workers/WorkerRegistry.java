package io.xstore.server.workers;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The registered workers, in this server's memory (docs/api/workers.md, "Where worker state lives"): keyed by
 * company and worker id; a worker not heard of for its timeout (default 600 s) is dropped. Worker state is volatile
 * by nature; what a worker does to a task goes through the task's commands. A second server node would need this
 * map in a shared store with expiry (Redis, or a MongoDB collection with a TTL index).
 */
@Component
public class WorkerRegistry {

    private final Map<String, Worker> workers = new ConcurrentHashMap<>();
    /** Workers that unregistered and have not registered again since. */
    private final Set<String> unregistered = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    public WorkerRegistry() {
        this(Clock.systemUTC());
    }

    WorkerRegistry(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** Creates the worker or applies {@code change} to the live one, atomically per worker. */
    Worker upsert(String company, String id, UnaryOperator<Worker> change, java.util.function.Supplier<Worker> fresh) {
        unregistered.remove(key(company, id));
        return workers.compute(key(company, id), (key, old) ->
                old == null || !old.aliveAt(now()) ? change.apply(fresh.get()) : change.apply(old));
    }

    boolean remove(String company, String id) {
        unregistered.add(key(company, id));
        return workers.remove(key(company, id)) != null;
    }

    /** Whether the worker unregistered and has not registered or reported since. */
    public boolean unregistered(String company, String id) {
        return unregistered.contains(key(company, id));
    }

    Optional<Worker> live(String company, String id) {
        Worker worker = workers.get(key(company, id));
        return worker != null && worker.aliveAt(now()) ? Optional.of(worker) : Optional.empty();
    }

    /** Whether a live worker of the company with this id is known. */
    public boolean isAlive(String company, String id) {
        return id != null && live(company, id).isPresent();
    }

    List<Worker> all(String company) {
        Instant now = now();
        return workers.values().stream().filter(w -> w.company().equals(company) && w.aliveAt(now))
                .sorted(Comparator.comparing(Worker::id)).toList();
    }

    /** Forgets the workers whose timeout passed. */
    @Scheduled(fixedDelay = 30_000)
    public void dropSilent() {
        Instant now = now();
        workers.values().removeIf(w -> !w.aliveAt(now));
    }

    private static String key(String company, String id) {
        return company + "\u0000" + id;
    }
}
