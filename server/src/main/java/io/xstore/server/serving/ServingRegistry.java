package io.xstore.server.serving;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registered serving containers, in this server's memory like the workers (docs/api/serving.md, "Where serving
 * state lives"): keyed by company and container id; one not heard of for its timeout (default 600 s) is dropped. A
 * restart forgets them and the next status report of each container registers it again.
 */
@Component
public class ServingRegistry {

    private final Map<String, ServingContainer> containers = new ConcurrentHashMap<>();
    private final Clock clock;

    public ServingRegistry() {
        this(Clock.systemUTC());
    }

    ServingRegistry(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    void put(ServingContainer container) {
        containers.put(key(container.company(), container.id()), container);
    }

    ServingContainer live(String company, String id) {
        ServingContainer container = containers.get(key(company, id));
        return container != null && container.aliveAt(now()) ? container : null;
    }

    boolean remove(String company, String id) {
        return containers.remove(key(company, id)) != null;
    }

    /** The company's live containers, by id. */
    List<ServingContainer> all(String company) {
        Instant now = now();
        return containers.values().stream().filter(c -> c.company().equals(company) && c.aliveAt(now))
                .sorted(Comparator.comparing(ServingContainer::id)).toList();
    }

    /** The company's live containers serving this url (null: those still loading, with no url yet). */
    List<ServingContainer> byUrl(String company, String url) {
        return all(company).stream().filter(c -> Objects.equals(c.endpointUrl(), url)).toList();
    }

    @Scheduled(fixedDelay = 30_000)
    public void dropSilent() {
        Instant now = now();
        containers.values().removeIf(c -> !c.aliveAt(now));
    }

    private static String key(String company, String id) {
        return company + "\u0000" + id;
    }
}
