package io.xstore.command.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.xstore.command.eventstore.EventStoreTestSupport.event;
import static io.xstore.command.eventstore.EventStoreTestSupport.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileEventLogRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void aRecordCutInTheMiddleIsDroppedAndAppendsGoOn() throws IOException {
        appendTen();
        Path segment = onlySegment();
        long size = Files.size(segment);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(size - 20);
        }
        try (FileEventStorageEngine engine = open(dir)) {
            assertThat(engine.head()).isEqualTo(8);
            assertThat(engine.lastSequenceNumberFor("a")).contains(8L);
            engine.appendEvents(event("a", 9), event("a", 10));
            assertThat(engine.head()).isEqualTo(10);
        }
        try (FileEventStorageEngine engine = open(dir)) {
            assertThat(engine.readEvents("a").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        }
    }

    @Test
    void flippedBytesInTheLastRecordAreDetectedByTheChecksum() throws IOException {
        appendTen();
        Path segment = onlySegment();
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            long at = file.length() - 10;
            file.seek(at);
            int b = file.read();
            file.seek(at);
            file.write(b ^ 0x5a);
        }
        try (FileEventStorageEngine engine = open(dir)) {
            assertThat(engine.head()).isEqualTo(8);
            engine.appendEvents(event("a", 9));
            assertThat(engine.readRaw(9, 9).findFirst().orElseThrow().getEventIdentifier()).isNotNull();
        }
    }

    @Test
    void zerosAndAHalfHeaderAfterTheLastRecordAreDropped() throws IOException {
        appendTen();
        Path segment = onlySegment();
        long size = Files.size(segment);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(size + 4096);
        }
        try (FileEventStorageEngine engine = open(dir)) {
            assertThat(engine.head()).isEqualTo(9);
        }
        assertThat(Files.size(segment)).isEqualTo(size);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(size);
            file.write(new byte[]{0, 0, 1});
        }
        try (FileEventStorageEngine engine = open(dir)) {
            assertThat(engine.head()).isEqualTo(9);
        }
    }

    @Test
    void damageBeforeTheLastSegmentIsRefused() throws IOException {
        try (FileEventStorageEngine engine = EventStoreTestSupport.builder(dir).segmentBytes(1_000).build()) {
            for (int i = 0; i < 20; i++) {
                engine.appendEvents(event("a", i));
            }
        }
        List<Path> segments = segments();
        assertThat(segments.size()).isGreaterThan(2);
        try (RandomAccessFile file = new RandomAccessFile(segments.get(0).toFile(), "rw")) {
            file.setLength(file.length() - 1);
        }
        assertThatThrownBy(() -> open(dir)).isInstanceOf(EventStoreException.class)
                .hasMessageContaining("not the last segment");
    }

    @Test
    void everyAcknowledgedEventSurvivesAnUncleanStop() {
        for (FsyncPolicy policy : FsyncPolicy.values()) {
            Path store = dir.resolve(policy.name());
            FileEventStorageEngine crashed = open(store, policy);
            try {
                for (int i = 0; i < 50; i++) {
                    crashed.appendEvents(event("a", i));
                }
                crashed.storeSnapshot(event("a", 49));
                // no close(): a second engine opens the directory as a restart after a crash would
                try (FileEventStorageEngine restarted = open(store, policy)) {
                    assertThat(restarted.head()).isEqualTo(49);
                    assertThat(restarted.readEvents("a", 0).asStream().count()).isEqualTo(50);
                    assertThat(restarted.readSnapshot("a")).isPresent();
                }
            } finally {
                crashed.close();
            }
        }
    }

    private void appendTen() {
        try (FileEventStorageEngine engine = open(dir)) {
            for (int i = 0; i < 10; i++) {
                engine.appendEvents(event("a", i));
            }
        }
    }

    private Path onlySegment() throws IOException {
        List<Path> segments = segments();
        assertThat(segments).hasSize(1);
        return segments.get(0);
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
        }
    }
}
