package io.xstore.server.files;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Schedules the deletion of files that belonged to something deleted through the API (a task's artifacts and debug
 * images, a model's weights). URLs of this server's file server are queued and deleted in the background with
 * retries ({@link FileDeletionWorker}); any other URL is recorded as skipped. Outcomes: {@code files.get_deletions}.
 */
@Component
public class FileCleanup {

    private static final Logger log = LoggerFactory.getLogger(FileCleanup.class);

    private final FileDeletionQueue queue;
    private final FileServerUrls urls;
    private final FileDeletionWorker worker;
    private final Clock clock;

    @Autowired
    public FileCleanup(FileDeletionQueue queue, FileServerUrls urls, FileDeletionWorker worker) {
        this(queue, urls, worker, Clock.systemUTC());
    }

    FileCleanup(FileDeletionQueue queue, FileServerUrls urls, FileDeletionWorker worker, Clock clock) {
        this.queue = queue;
        this.urls = urls;
        this.worker = worker;
        this.clock = clock;
    }

    /**
     * @param ownerKind what the files belonged to, e.g. "task" or "model"
     * @param ownerId   its id
     * @param company   its company (who may see the outcome)
     * @param fileUrls  the files' URLs as recorded (null, blank and repeated entries are ignored)
     */
    public void schedule(String ownerKind, String ownerId, String company, Collection<String> fileUrls) {
        if (fileUrls == null || fileUrls.isEmpty()) {
            return;
        }
        boolean queued = false;
        for (String url : new LinkedHashSet<>(fileUrls)) {
            if (url == null || url.isBlank()) {
                continue;
            }
            Optional<String> path = urls.storedPath(url);
            if (path.isEmpty()) {
                if (queue.add(ownerKind, ownerId, company, url, null, DeletionStatus.SKIPPED,
                        "not stored on this file server", clock.instant())) {
                    log.info("file deletion skipped: {} ({} {}): not stored on this file server", url, ownerKind,
                            ownerId);
                }
            } else if (path.get().isEmpty()) {
                queue.add(ownerKind, ownerId, company, url, null, DeletionStatus.SKIPPED, "names no file",
                        clock.instant());
            } else {
                queued |= queue.add(ownerKind, ownerId, company, url, path.get(), DeletionStatus.PENDING, null,
                        clock.instant());
            }
        }
        if (queued) {
            worker.wake();
        }
    }
}
