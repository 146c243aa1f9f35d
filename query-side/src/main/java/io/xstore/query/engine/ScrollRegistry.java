package io.xstore.query.engine;

import io.xstore.api.NewIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side scroll positions of get_all calls, kept in memory and dropped after 600 s without use. An unknown,
 * expired or foreign id silently starts a new scroll under a new id, as the reference does. Scroll state is per
 * server instance (the reference keeps it in Redis).
 */
@Component
public class ScrollRegistry {

    static final Duration EXPIRY = Duration.ofSeconds(600);

    private final Map<String, Entry> states = new ConcurrentHashMap<>();
    private final Clock clock;

    @Autowired
    public ScrollRegistry() {
        this(Clock.systemUTC());
    }

    ScrollRegistry(Clock clock) {
        this.clock = clock;
    }

    /** The position of a live scroll with this id for this owner, or a fresh scroll at position 0. */
    public ScrollState open(String scrollId, String owner) {
        purgeExpired();
        Entry entry = scrollId == null ? null : states.get(scrollId);
        if (entry != null && entry.owner.equals(owner)) {
            return new ScrollState(scrollId, owner, entry.position);
        }
        return new ScrollState(NewIds.hex(), owner, 0);
    }

    public void save(ScrollState state) {
        states.put(state.id(), new Entry(state.owner(), state.position(), clock.millis()));
    }

    private void purgeExpired() {
        long cutoff = clock.millis() - EXPIRY.toMillis();
        states.values().removeIf(e -> e.touchedAt < cutoff);
    }

    private record Entry(String owner, int position, long touchedAt) {
    }

    /** A scroll's id and how many items it has returned so far. */
    public record ScrollState(String id, String owner, int position) {

        public ScrollState movedTo(int newPosition) {
            return new ScrollState(id, owner, newPosition);
        }
    }
}
