package io.xstore.command.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Opening scan of the segment files: checks every frame, rebuilds the in-memory indexes and cuts a torn tail off
 * the last segment (what a crash in the middle of a write leaves). Damage anywhere else is refused: dropping it
 * would silently lose acknowledged events or renumber later ones.
 */
final class LogRecovery {

    private static final Logger log = LoggerFactory.getLogger(LogRecovery.class);

    private final LocationIndex locations;
    private final AggregateIndex aggregates;
    private final FrameScanner scanner = new FrameScanner();

    private LogRecovery(LocationIndex locations, AggregateIndex aggregates) {
        this.locations = locations;
        this.aggregates = aggregates;
    }

    /** Opens the segments of {@code directory} in order, the last one writable; creates the first if none. */
    static List<Segment> recover(Path directory, LocationIndex locations, AggregateIndex aggregates)
            throws IOException {
        Files.createDirectories(directory);
        TreeMap<Long, Path> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(directory)) {
            listing.forEach(path -> {
                Matcher name = Segment.NAME.matcher(path.getFileName().toString());
                if (name.matches()) {
                    files.put(Long.parseLong(name.group(1)), path);
                }
            });
        }
        List<Segment> segments = new ArrayList<>();
        if (files.isEmpty()) {
            segments.add(Segment.create(directory, 0));
            FileSync.directory(directory);
            return segments;
        }
        LogRecovery recovery = new LogRecovery(locations, aggregates);
        try {
            long lastBase = files.lastKey();
            for (var file : files.entrySet()) {
                boolean last = file.getKey() == lastBase;
                recovery.scan(file.getValue(), file.getKey(), segments.size(), last);
                segments.add(last ? Segment.openWritable(file.getValue(), file.getKey())
                        : Segment.openSealed(file.getValue(), file.getKey()));
            }
        } catch (IOException | RuntimeException e) {
            for (Segment segment : segments) {
                segment.close();
            }
            throw e;
        }
        return segments;
    }

    private void scan(Path path, long baseIndex, int ordinal, boolean last) throws IOException {
        if (baseIndex != locations.size()) {
            throw new EventStoreException("event log segment " + path + " starts at index " + baseIndex
                    + " but the segments before it end at " + (locations.size() - 1));
        }
        long validEnd;
        long fileSize;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            fileSize = channel.size();
            validEnd = scanRecords(channel, ordinal);
        }
        if (validEnd == fileSize) {
            return;
        }
        if (!last) {
            throw new EventStoreException("event log segment " + path + " is damaged at offset " + validEnd
                    + " (" + (fileSize - validEnd) + " bytes after it); it is not the last segment, so the log is"
                    + " not opened");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.truncate(validEnd);
            channel.force(false);
        }
        log.warn("event log: dropped a torn tail of {} bytes from {} (after event {})",
                fileSize - validEnd, path.getFileName(), locations.size() - 1);
    }

    /** Indexes the valid records; returns the offset where they end. */
    private long scanRecords(FileChannel channel, int ordinal) throws IOException {
        return scanner.scan(channel, (offset, body) -> {
            long globalIndex = body.getLong(body.position());
            if (globalIndex != locations.size()) {
                throw new EventStoreException("event log record at offset " + offset + " holds index "
                        + globalIndex + ", expected " + locations.size() + "; the log is not opened");
            }
            long sequenceNumber = body.getLong(body.position() + 8 + 8 + 4);
            String aggregateType = RecordFormat.skipToAggregateType(body);
            locations.add(LocationIndex.pack(ordinal, offset));
            if (aggregateType != null) {
                aggregates.add(RecordFormat.string(body), sequenceNumber, globalIndex);
            }
        });
    }
}
