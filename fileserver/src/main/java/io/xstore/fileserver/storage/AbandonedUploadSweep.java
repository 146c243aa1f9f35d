package io.xstore.fileserver.storage;

import java.io.IOException;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start, removes the temp files of uploads that a crash or a kill cut off (they never got their final name),
 * in the background: walking a large store takes a while and nothing waits for it.
 */
@Component
public class AbandonedUploadSweep implements SmartInitializingSingleton {

    private static final Log log = LogFactory.getLog(AbandonedUploadSweep.class);

    private final ObjectProvider<LocalDiskFileStorage> storage;
    private final Instant startedAt = Instant.now();

    public AbandonedUploadSweep(ObjectProvider<LocalDiskFileStorage> storage) {
        this.storage = storage;
    }

    @Override
    public void afterSingletonsInstantiated() {
        LocalDiskFileStorage disk = storage.getIfAvailable();
        if (disk == null) {
            return;
        }
        Thread sweep = new Thread(() -> sweep(disk), "fileserver-upload-sweep");
        sweep.setDaemon(true);
        sweep.start();
    }

    private void sweep(LocalDiskFileStorage disk) {
        try {
            int removed = disk.removeAbandonedUploads(startedAt);
            if (removed > 0) {
                log.info("Removed " + removed + " temp files of interrupted uploads under " + disk.root());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not sweep interrupted uploads under " + disk.root(), e);
        }
    }
}
