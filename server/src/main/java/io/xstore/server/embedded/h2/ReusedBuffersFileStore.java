package io.xstore.server.embedded.h2;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import org.h2.mvstore.SingleFileStore;
import org.h2.mvstore.WriteBuffer;

/**
 * The MVStore's file as H2 keeps it, except for the buffers its chunks are serialized into. H2 keeps such a buffer for
 * the next chunk only up to 4 MB; a larger chunk starts again from 1 MB and grows by half at a time, each step a new
 * array the old one is copied into. A replay writes a chunk of tens of MB about every second, and those growing
 * buffers (humongous objects for the collector) were a sixth of all it allocated. Here a buffer is kept whatever its
 * size up to {@value #MAX_KEPT_MB} MB, two at most: one is serialized into while the other is written to the file.
 */
final class ReusedBuffersFileStore extends SingleFileStore {

    static final int MAX_KEPT_MB = 64;

    private final ArrayBlockingQueue<WriteBuffer> kept = new ArrayBlockingQueue<>(2);

    ReusedBuffersFileStore(Map<String, Object> config) {
        super(config);
    }

    @Override
    public WriteBuffer getWriteBuffer() {
        WriteBuffer buffer = kept.poll();
        if (buffer == null) {
            return new WriteBuffer();
        }
        // not WriteBuffer.clear(): it would go back to the buffer's last array of at most 4 MB
        buffer.getBuffer().clear();
        return buffer;
    }

    @Override
    public void releaseWriteBuffer(WriteBuffer buffer) {
        if (buffer.capacity() <= MAX_KEPT_MB << 20) {
            kept.offer(buffer);
        }
    }
}
