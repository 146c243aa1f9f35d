package io.xstore.command.eventstore;

import static io.xstore.command.eventstore.EventStoreTestSupport.event;
import static io.xstore.command.eventstore.EventStoreTestSupport.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations tools' view of the log files: a copy holds the valid prefix as it was when the copy began (a
 * record being written ends it) and opens as a log with the same events; a scan sees every record's type.
 */
class EventLogFilesTest {

    @TempDir
    Path dir;

    @TempDir
    Path copy;

    @Test
    void aCopyTakenWhileARecordIsHalfWrittenHoldsEveryWholeRecordAndOpens() throws IOException {
        try (FileEventStorageEngine engine = open(dir)) {
            for (int i = 0; i < 10; i++) {
                engine.appendEvents(event("a", i));
            }
        }
        Path segment = EventLogFiles.segments(dir).get(0);
        long whole = Files.size(segment);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(whole);
            file.write(new byte[] {0, 0, 1, 0, 1, 2, 3}); // the start of a frame being appended
        }

        EventLogFiles.Summary copied = EventLogFiles.copyPrefix(dir, copy, count -> { });

        assertThat(copied.records()).isEqualTo(10);
        assertThat(copied.bytes()).isEqualTo(whole);
        assertThat(Files.size(copy.resolve(segment.getFileName()))).isEqualTo(whole);
        assertThat(EventLogFiles.scan(copy, header -> { }).checksum()).isEqualTo(copied.checksum());
        try (FileEventStorageEngine engine = open(copy)) {
            assertThat(engine.head()).isEqualTo(9);
            assertThat(engine.lastSequenceNumberFor("a")).contains(9L);
        }
    }

    @Test
    void aScanReadsEachRecordsPayloadTypeAndIndex() {
        try (FileEventStorageEngine engine = open(dir)) {
            engine.appendEvents(event("a", 0), event("b", 0));
        }
        List<EventLogFiles.RecordHeader> headers = new ArrayList<>();

        EventLogFiles.Summary summary = EventLogFiles.scan(dir, headers::add);

        assertThat(summary.records()).isEqualTo(2);
        assertThat(headers).extracting(EventLogFiles.RecordHeader::globalIndex).containsExactly(0L, 1L);
        assertThat(headers.get(0).payloadType()).isNotBlank();
    }
}
