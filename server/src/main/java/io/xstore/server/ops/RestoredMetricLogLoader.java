package io.xstore.server.ops;

import io.xstore.command.events.MetricLogTopic;
import io.xstore.migration.ops.Progress;
import io.xstore.migration.ops.backup.MetricLogArchive;
import io.xstore.migration.ops.backup.Restore;
import io.xstore.server.embedded.BackingServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The first start after {@code ops restore} writes the restored metric event log into this server's topic before the
 * metric indexer starts and the listeners open, so the restored records come before any new one. The file is then
 * renamed ({@code .loaded-<time>}), so the next start does not load it again. A start after a crash during the load
 * loads it again, skipping what the topic holds already ({@link MetricLogArchive#load}), so no record is there twice.
 */
@Component
class RestoredMetricLogLoader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RestoredMetricLogLoader.class);
    /** After Axon (MAX - 3072), before the metric indexer and the read-model warm-up (MAX - 2560). */
    private static final int PHASE = Integer.MAX_VALUE - 2600;

    private final BackingServices services;
    private final MetricLogTopic topic;
    private final long recordsPerSecond;
    private volatile boolean running;

    RestoredMetricLogLoader(BackingServices services, MetricLogTopic topic,
                            @Value("${xstore.restore.metric-log-rate:0}") long recordsPerSecond) {
        this.services = services;
        this.topic = topic;
        this.recordsPerSecond = recordsPerSecond;
    }

    @Override
    public void start() {
        running = true;
        Path pending = Restore.pendingMetricLog(services.dataDir());
        if (!Files.exists(pending)) {
            return;
        }
        Progress progress = Progress.onStderr("restore: metric event log into " + topic.name(), "records", 0);
        MetricLogArchive.Loaded loaded = MetricLogArchive.load(pending, topic.bootstrapServers(), topic.name(),
                topic.partitions(), topic.replicationFactor(), Map.of("retention.ms", "-1", "retention.bytes", "-1",
                        "max.message.bytes", String.valueOf(MetricLogTopic.MAX_RECORD_BYTES)), recordsPerSecond,
                progress);
        try {
            Files.move(pending, pending.resolveSibling(pending.getFileName() + ".loaded-"
                    + Instant.now().toString().replace(':', '-')));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark " + pending + " as loaded", e);
        }
        log.info("{}", progress.summary(loaded.written() + " written, " + loaded.alreadyThere() + " already in the topic"
                + (loaded.alreadyThere() > 0 ? " (written by an interrupted earlier load)" : "") + "; restored from "
                + pending + "; the indexer rebuilds the indices from them"));
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
