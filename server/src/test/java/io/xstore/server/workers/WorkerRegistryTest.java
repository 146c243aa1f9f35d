package io.xstore.server.workers;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry's timeouts and unregistration (docs/api/workers.md). */
class WorkerRegistryTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private Instant now = T0;
    private final WorkerRegistry registry = new WorkerRegistry(new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    private void register(String id, long timeout) {
        registry.upsert("c", id, w -> w, () -> new Worker(id, "c", "company", "u", "user", "1.2.3.4", now, now, null,
                timeout, List.of(), null, null, null, List.of(), List.of()));
    }

    @Test
    void aWorkerSilentForLongerThanItsTimeoutIsGone() {
        register("w1", 60);
        register("w2", 600);
        now = T0.plus(Duration.ofSeconds(61));

        assertThat(registry.isAlive("c", "w1")).isFalse();
        assertThat(registry.all("c")).extracting(Worker::id).containsExactly("w2");
        registry.dropSilent();
        assertThat(registry.live("c", "w1")).isEmpty();
    }

    @Test
    void aReportKeepsAWorkerAliveAndRemembersSinceWhenItRunsItsTask() {
        register("w1", 60);
        now = T0.plusSeconds(50);
        registry.upsert("c", "w1", w -> w.reported(now, null, null, null, "t1", null, null), () -> null);
        now = T0.plusSeconds(100);
        registry.upsert("c", "w1", w -> w.reported(now, null, null, null, "t1", null, null), () -> null);

        Worker worker = registry.live("c", "w1").orElseThrow();
        assertThat(worker.taskSince()).isEqualTo(T0.plusSeconds(50));
        assertThat(worker.registered()).isEqualTo(T0);
    }

    @Test
    void anUnregisteredWorkerIsRememberedUntilItComesBack() {
        register("w1", 60);
        registry.remove("c", "w1");
        assertThat(registry.unregistered("c", "w1")).isTrue();
        assertThat(registry.isAlive("c", "w1")).isFalse();
        register("w1", 60);
        assertThat(registry.unregistered("c", "w1")).isFalse();
        assertThat(registry.isAlive("other", "w1")).isFalse();
    }
}
