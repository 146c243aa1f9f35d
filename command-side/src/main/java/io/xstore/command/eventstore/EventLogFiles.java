package io.xstore.command.eventstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Read-only access to the segment files of an event log for operations tools (check, backup, restore), safe while a
 * server appends to the log: segments are append-only, a record is acknowledged only after it is whole on disk, so
 * the valid frames found from the start of each segment are always a consistent prefix of the log (a record being
 * written at the moment of the read fails its length or checksum test and ends the prefix).
 */
public final class EventLogFiles {

    /** The fixed part of a record and its payload type and revision, without the payload. */
    public record RecordHeader(long globalIndex, long epochSecond, String aggregateType, String payloadType,
                               String payloadRevision) {
    }

    /** What a scan or a copy found: records, bytes of valid frames, and a CRC32 over every valid frame in order. */
    public record Summary(long records, long bytes, long checksum, long firstIndex, long lastIndex) {
    }

    private EventLogFiles() {
    }

    /** The segment files of {@code logDir} in index order. */
    public static List<Path> segments(Path logDir) {
        TreeMap<Long, Path> files = new TreeMap<>();
        if (!Files.isDirectory(logDir)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(logDir)) {
            listing.forEach(path -> {
                Matcher name = Segment.NAME.matcher(path.getFileName().toString());
                if (name.matches()) {
                    files.put(Long.parseLong(name.group(1)), path);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + logDir, e);
        }
        return new ArrayList<>(files.values());
    }

    /** Hands the header of every valid record to {@code each}, in order; stops at the first invalid frame. */
    public static Summary scan(Path logDir, java.util.function.Consumer<RecordHeader> each) {
        return walk(logDir, null, (body, frameLength) -> {
            int start = body.position();
            long globalIndex = body.getLong(start);
            long epochSecond = body.getLong(start + 8);
            body.position(start + RecordFormat.FIXED_BODY);
            String aggregateType = RecordFormat.string(body);
            RecordFormat.string(body); // aggregate id
            RecordFormat.string(body); // event id
            String payloadType = RecordFormat.string(body);
            String revision = RecordFormat.string(body);
            each.accept(new RecordHeader(globalIndex, epochSecond, aggregateType, payloadType, revision));
        }, ignored -> { });
    }

    /**
     * Copies the longest consistent prefix of the log as it is now into {@code targetDir} (segments of the same
     * names), never reading past the sizes the segments had when the copy began; {@code progress} gets the records
     * copied so far.
     */
    public static Summary copyPrefix(Path logDir, Path targetDir, LongConsumer progress) {
        try {
            Files.createDirectories(targetDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + targetDir, e);
        }
        return walk(logDir, targetDir, (body, frameLength) -> { }, progress);
    }

    @FunctionalInterface
    private interface FrameVisitor {
        void frame(ByteBuffer body, int frameLength);
    }

    private static Summary walk(Path logDir, Path copyTo, FrameVisitor visitor, LongConsumer progress) {
        List<Path> segments = segments(logDir);
        long[] sizes = new long[segments.size()];
        try {
            for (int i = 0; i < segments.size(); i++) {
                sizes[i] = Files.size(segments.get(i)); // fixed first: the copy is the log as of this moment
            }
            CRC32 crc = new CRC32();
            long records = 0;
            long bytes = 0;
            long first = -1;
            long last = -1;
            FrameScanner scanner = new FrameScanner();
            for (int i = 0; i < segments.size(); i++) {
                Path segment = segments.get(i);
                long[] counters = {records, first, last};
                FileChannel out = copyTo == null ? null : FileChannel.open(copyTo.resolve(segment.getFileName()),
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                long validEnd;
                try (FileChannel in = FileChannel.open(segment, StandardOpenOption.READ);
                     FileChannel bounded = out) {
                    validEnd = scanner.scan(in, sizes[i], (offset, body) -> {
                        long index = body.getLong(body.position());
                        if (counters[1] < 0) {
                            counters[1] = index;
                        } else if (index != counters[2] + 1) {
                            throw new IOException(segment + ": record at offset " + offset + " holds index " + index
                                    + ", expected " + (counters[2] + 1));
                        }
                        counters[2] = index;
                        ByteBuffer frame = body.duplicate();
                        frame.position(body.position() - RecordFormat.FRAME_HEADER);
                        crc.update(frame.duplicate());
                        if (bounded != null) {
                            while (frame.hasRemaining()) {
                                bounded.write(frame);
                            }
                        }
                        visitor.frame(body.duplicate(), body.remaining() + RecordFormat.FRAME_HEADER);
                        counters[0]++;
                        if (counters[0] % 10_000 == 0) {
                            progress.accept(counters[0]);
                        }
                    });
                    if (bounded != null) {
                        bounded.force(false);
                    }
                }
                records = counters[0];
                first = counters[1];
                last = counters[2];
                bytes += validEnd;
                if (validEnd < sizes[i]) {
                    break; // a record being written, or damage: the prefix ends here
                }
            }
            progress.accept(records);
            return new Summary(records, bytes, crc.getValue(), first, last);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event log in " + logDir, e);
        }
    }
}
