package io.xstore.command.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Aggregate snapshots, appended to one file framed like the log (global index -1). Only the newest snapshot of each
 * aggregate is reachable; the file is rewritten with just those when more than half of it is stale.
 */
final class SnapshotFile implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SnapshotFile.class);
    static final String FILE_NAME = "snapshots.dat";
    private static final int COMPACT_MIN_RECORDS = 64;

    private record Entry(long offset, int frameLength, long sequenceNumber) {
    }

    private final Path path;
    private final FsyncPolicy fsyncPolicy;
    private final Map<String, Entry> latest = new ConcurrentHashMap<>();
    private FileChannel writeChannel;
    private final ReadChannel reader;
    private long size;

    private SnapshotFile(Path path, FsyncPolicy fsyncPolicy) throws IOException {
        this.path = path;
        this.fsyncPolicy = fsyncPolicy;
        int records = scan();
        if (records > COMPACT_MIN_RECORDS && records > 2 * latest.size()) {
            compact();
        }
        boolean created = !Files.exists(path);
        this.writeChannel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        if (created) {
            FileSync.directory(path.getParent());
        }
        this.size = writeChannel.size();
        this.reader = new ReadChannel(path);
    }

    static SnapshotFile open(Path directory, FsyncPolicy fsyncPolicy) {
        try {
            return new SnapshotFile(directory.resolve(FILE_NAME), fsyncPolicy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the snapshot file in " + directory, e);
        }
    }

    /** Indexes the valid snapshots and cuts off a torn tail; returns how many records the file holds. */
    private int scan() throws IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        int[] records = {0};
        long validEnd;
        long fileSize;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            fileSize = channel.size();
            validEnd = new FrameScanner().scan(channel, (offset, body) -> {
                int frameLength = RecordFormat.FRAME_HEADER + body.remaining();
                long sequenceNumber = body.getLong(body.position() + 8 + 8 + 4);
                RecordFormat.skipToAggregateType(body);
                remember(RecordFormat.string(body), new Entry(offset, frameLength, sequenceNumber));
                records[0]++;
            });
            if (validEnd < fileSize) {
                channel.truncate(validEnd);
                channel.force(false);
                log.warn("snapshots: dropped a torn tail of {} bytes from {}", fileSize - validEnd, path);
            }
        }
        return records[0];
    }

    private void remember(String aggregateId, Entry entry) {
        latest.merge(aggregateId, entry, (old, fresh) -> fresh.sequenceNumber >= old.sequenceNumber ? fresh : old);
    }

    private void compact() throws IOException {
        Path compacted = path.resolveSibling(FILE_NAME + ".compact");
        Map<String, Entry> moved = new ConcurrentHashMap<>();
        try (FileChannel source = FileChannel.open(path, StandardOpenOption.READ);
             FileChannel target = FileChannel.open(compacted, StandardOpenOption.CREATE,
                     StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            long offset = 0;
            for (var snapshot : latest.entrySet()) {
                Entry entry = snapshot.getValue();
                ByteBuffer frame = ByteBuffer.allocate(entry.frameLength);
                while (frame.hasRemaining()) {
                    if (source.read(frame, entry.offset + frame.position()) < 0) {
                        throw new EOFException(path + " ends inside a snapshot it was just scanned to hold");
                    }
                }
                frame.flip();
                while (frame.hasRemaining()) {
                    target.write(frame, offset + frame.position());
                }
                moved.put(snapshot.getKey(), new Entry(offset, entry.frameLength, entry.sequenceNumber));
                offset += entry.frameLength;
            }
            target.force(false);
        }
        Files.move(compacted, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        FileSync.directory(path.getParent());
        latest.clear();
        latest.putAll(moved);
        log.info("snapshots: compacted {} to {} live snapshots", path, moved.size());
    }

    synchronized void store(PendingEvent snapshot) {
        byte[] frame = snapshot.frame();
        RecordFormat.seal(frame, -1);
        long offset = size;
        try {
            if (!writeChannel.isOpen()) {
                // an interrupt of an earlier storing thread closed it, maybe after part of a frame was written
                writeChannel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
                writeChannel.truncate(offset);
            }
            ByteBuffer bytes = ByteBuffer.wrap(frame);
            while (bytes.hasRemaining()) {
                writeChannel.write(bytes, offset + bytes.position());
            }
            if (fsyncPolicy == FsyncPolicy.ALWAYS) {
                writeChannel.force(false);
            }
        } catch (IOException e) {
            try {
                if (writeChannel.isOpen()) {
                    writeChannel.truncate(offset);
                }
            } catch (IOException ignored) {
                // the next open cuts the torn frame off
            }
            throw new EventStoreException("cannot store a snapshot of " + snapshot.aggregateId(), e);
        }
        size = offset + frame.length;
        remember(snapshot.aggregateId(), new Entry(offset, frame.length, snapshot.sequenceNumber()));
    }

    Optional<StoredEvent> read(String aggregateId) {
        Entry entry = latest.get(aggregateId);
        if (entry == null) {
            return Optional.empty();
        }
        ByteBuffer frame = ByteBuffer.allocate(entry.frameLength);
        if (reader.read(frame, entry.offset) < entry.frameLength) {
            throw new EventStoreException("snapshot of " + aggregateId + " is cut short in " + path);
        }
        frame.position(RecordFormat.FRAME_HEADER);
        return Optional.of(RecordFormat.decode(frame));
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (writeChannel.isOpen()) {
                writeChannel.force(false);
                writeChannel.close();
            }
        } finally {
            reader.close();
        }
    }
}
