package io.xstore.server.ops;

import io.xstore.migration.ops.backup.BackupManifest;
import io.xstore.migration.ops.backup.FileDeletionsArchive;
import io.xstore.migration.ops.backup.Restore;
import io.xstore.projection.processing.ProjectorPositions;
import io.xstore.server.embedded.BackingServices;
import io.xstore.server.files.FileCleanupEvents;
import io.xstore.server.files.FileDeletionQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

/**
 * The first start after {@code ops restore} registers the backup's file deletions again, before the event processors
 * start: the documents go back into {@code file_deletions} (pending ones due now, so the deletion worker does them),
 * and the file-cleanup projector, which otherwise starts at the head of the event store, starts at the position it
 * had when the deletions were read, so it records the deletions of the delete events it had not handled yet. The
 * file is then renamed ({@code .loaded-<time>}). Safe to repeat after a crash: a document already there is kept.
 */
@Component
class RestoredFileDeletions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RestoredFileDeletions.class);
    /** Before Axon (MAX - 3072) starts the event processors. */
    private static final int PHASE = Integer.MAX_VALUE - 3500;

    private final BackingServices services;
    private final FileDeletionQueue queue;
    private final ProjectorPositions positions;
    private volatile boolean running;

    RestoredFileDeletions(BackingServices services, FileDeletionQueue queue, ProjectorPositions positions) {
        this.services = services;
        this.queue = queue;
        this.positions = positions;
    }

    @Override
    public void start() {
        running = true;
        Path pending = Restore.pendingFileDeletions(services.dataDir());
        if (!Files.exists(pending)) {
            return;
        }
        Instant now = Instant.now();
        long[] added = new long[2];
        long read = FileDeletionsArchive.read(pending, deletion -> {
            if (queue.restore(deletion, now)) {
                added[0]++;
                if ("pending".equals(deletion.getString("status"))) {
                    added[1]++;
                }
            }
        });
        long position = Long.parseLong(manifest(pending).getProperty(BackupManifest.DELETIONS_POSITION, "-1"));
        String cleanup = FileCleanupEvents.PROCESSING_GROUP;
        boolean seeded = position >= 0 && positions.load(cleanup).isEmpty();
        if (seeded) {
            positions.save(cleanup, position);
        }
        try {
            Files.move(pending, pending.resolveSibling(pending.getFileName() + ".loaded-"
                    + now.toString().replace(':', '-')));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark " + pending + " as loaded", e);
        }
        log.info("restore: {} file deletions registered again ({} of them pending, done by the deletion worker; {} "
                        + "already there); file cleanup {}", added[0], added[1], read - added[0],
                seeded ? "resumes after event " + position : "keeps its position");
    }

    private static Properties manifest(Path pending) {
        Path file = pending.resolveSibling("manifest.properties");
        return Files.exists(file) ? BackupManifest.read(file.getParent()) : new Properties();
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
