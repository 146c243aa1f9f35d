package io.xstore.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.Filters;
import io.xstore.fileserver.storage.DeleteOutcome;
import io.xstore.fileserver.storage.FileInfo;
import io.xstore.fileserver.storage.FileStorage;
import io.xstore.fileserver.storage.LocalDiskFileStorage;
import io.xstore.fileserver.storage.StoragePath;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduling and carrying out file deletions against a real storage folder and a real in-process MongoDB. */
class FileCleanupTest {

    private static final String COMPANY = "c0mpany";
    private static final String TASK = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path temp;

    private final InProcessMongo mongo = new InProcessMongo();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-13T16:00:00Z"));
    private final FileServerUrls urls = new FileServerUrls(List.of(), 8081, 8080, null);
    private FileDeletionQueue queue;
    private LocalDiskFileStorage disk;
    private FlakyStorage storage;
    private FileDeletionWorker worker;
    private FileCleanup cleanup;

    @BeforeEach
    void setUp() {
        queue = new FileDeletionQueue(mongo.database());
        disk = new LocalDiskFileStorage(temp.resolve("files").toString());
        storage = new FlakyStorage(disk);
        worker = new FileDeletionWorker(queue, storage, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofMinutes(5), 3, clock);
        cleanup = new FileCleanup(queue, urls, worker, clock);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void ourFilesAreQueuedAndOtherUrlsRecordedAsSkipped() {
        cleanup.schedule("task", TASK, COMPANY, List.of("http://localhost:8081/p/a.csv", "s3://bucket/b.csv",
                "http://localhost:8081/p/a.csv", ""));

        assertThat(entry("http://localhost:8081/p/a.csv"))
                .containsEntry("status", "pending").containsEntry("path", "p/a.csv")
                .containsEntry("owner_kind", "task").containsEntry("owner_id", TASK).containsEntry("company", COMPANY);
        assertThat(entry("s3://bucket/b.csv")).containsEntry("status", "skipped")
                .containsEntry("result", "not stored on this file server");
        assertThat(queue.count(Filters.empty())).isEqualTo(2);
    }

    @Test
    void schedulingTheSameFilesAgainChangesNothing() throws IOException {
        write("p/a.csv");
        cleanup.schedule("task", TASK, COMPANY, List.of("http://localhost:8081/p/a.csv"));
        worker.runOnce();

        cleanup.schedule("task", TASK, COMPANY, List.of("http://localhost:8081/p/a.csv"));

        assertThat(entry("http://localhost:8081/p/a.csv")).containsEntry("status", "done");
        assertThat(worker.runOnce()).isZero();
    }

    @Test
    void aPassDeletesFilesAndFoldersAndCountsMissingOnesAsDone() throws IOException {
        write("p/t.1/artifacts/a/a.json");
        write("p/t.1/artifacts/folder/x.bin");
        cleanup.schedule("task", TASK, COMPANY, List.of("http://localhost:8081/p/t.1/artifacts/a/a.json",
                "http://127.0.0.1:8081/p/t.1/artifacts/folder", "http://localhost:8081/p/gone.bin"));

        assertThat(worker.runOnce()).isEqualTo(3);

        assertThat(disk.root().resolve("p/t.1/artifacts/a/a.json")).doesNotExist();
        assertThat(disk.root().resolve("p/t.1/artifacts/folder")).doesNotExist();
        assertThat(entry("http://localhost:8081/p/t.1/artifacts/a/a.json"))
                .containsEntry("status", "done").containsEntry("result", "deleted").containsEntry("attempts", 1);
        assertThat(entry("http://localhost:8081/p/gone.bin"))
                .containsEntry("status", "done").containsEntry("result", "not found");
        assertThat(entry("http://localhost:8081/p/gone.bin").get("finished")).isNotNull();
    }

    @Test
    void theUrlPathIsDecodedOnceToFindTheStoredFile() throws IOException {
        write("my%20project/loss 0x3a.jpeg");
        cleanup.schedule("task", TASK, COMPANY, List.of("http://localhost:8081/my%2520project/loss%200x3a.jpeg"));

        worker.runOnce();

        assertThat(disk.root().resolve("my%20project/loss 0x3a.jpeg")).doesNotExist();
    }

    @Test
    void aFailureIsRetriedLaterWithGrowingDelaysThenGivenUp() throws IOException {
        write("p/stuck.bin");
        storage.failures = 10;
        cleanup.schedule("model", TASK, COMPANY, List.of("http://localhost:8081/p/stuck.bin"));

        worker.runOnce();
        Document first = entry("http://localhost:8081/p/stuck.bin");
        assertThat(first).containsEntry("status", "pending").containsEntry("attempts", 1);
        assertThat(first.getString("last_error")).contains("disk unavailable");
        assertThat(first.getDate("next_attempt").toInstant()).isEqualTo(clock.instant().plusSeconds(30));

        clock.advance(Duration.ofSeconds(29));
        assertThat(worker.runOnce()).as("not due yet").isZero();
        clock.advance(Duration.ofSeconds(1));
        worker.runOnce();
        assertThat(entry("http://localhost:8081/p/stuck.bin").getDate("next_attempt").toInstant())
                .isEqualTo(clock.instant().plusSeconds(60));

        clock.advance(Duration.ofSeconds(60));
        worker.runOnce();
        Document last = entry("http://localhost:8081/p/stuck.bin");
        assertThat(last).containsEntry("status", "failed").containsEntry("attempts", 3);
        assertThat(last.getString("last_error")).contains("disk unavailable").contains("after 3 attempts");
        assertThat(disk.root().resolve("p/stuck.bin")).exists();
    }

    @Test
    void aFailureThatClearsUpEndsDone() throws IOException {
        write("p/flaky.bin");
        storage.failures = 1;
        cleanup.schedule("task", TASK, COMPANY, List.of("http://localhost:8081/p/flaky.bin"));

        worker.runOnce();
        clock.advance(Duration.ofSeconds(30));
        worker.runOnce();

        assertThat(entry("http://localhost:8081/p/flaky.bin")).containsEntry("status", "done")
                .containsEntry("attempts", 2).containsEntry("last_error", null);
        assertThat(disk.root().resolve("p/flaky.bin")).doesNotExist();
    }

    @Test
    void failedDeletionsCanBeRequeued() throws IOException {
        write("p/later.bin");
        storage.failures = 3;
        cleanup.schedule("task", TASK, COMPANY, List.of("http://localhost:8081/p/later.bin"));
        for (int i = 0; i < 3; i++) {
            worker.runOnce();
            clock.advance(Duration.ofMinutes(5));
        }
        assertThat(entry("http://localhost:8081/p/later.bin")).containsEntry("status", "failed");

        assertThat(queue.requeueFailed(COMPANY, List.of(TASK), clock.instant())).isEqualTo(1);
        worker.runOnce();

        assertThat(entry("http://localhost:8081/p/later.bin")).containsEntry("status", "done");
    }

    @Test
    void aUrlThatLeadsOutsideTheStorageFailsAtOnceAndTouchesNothing() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
        Files.createSymbolicLink(disk.root().resolve("escape"), outside);
        cleanup.schedule("task", TASK, COMPANY, List.of("http://localhost:8081/escape/keep.txt",
                "http://localhost:8081/escape", "http://localhost:8081/a/%2e%2e/%2e%2e/x"));

        worker.runOnce();

        assertThat(entry("http://localhost:8081/escape/keep.txt")).containsEntry("status", "failed")
                .containsEntry("last_error", "Path escapes the storage root").containsEntry("attempts", 1);
        assertThat(entry("http://localhost:8081/escape")).containsEntry("status", "failed");
        assertThat(entry("http://localhost:8081/a/%2e%2e/%2e%2e/x")).containsEntry("status", "failed");
        assertThat(outside.resolve("keep.txt")).hasContent("keep");
    }

    @Test
    void retryDelaysDoubleUpToTheCap() {
        assertThat(worker.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(worker.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(worker.delayAfter(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(worker.delayAfter(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(worker.delayAfter(50)).isEqualTo(Duration.ofMinutes(5));
    }

    private Document entry(String url) {
        return queue.find(Filters.eq("url", url), 0, 1).get(0);
    }

    private void write(String path) throws IOException {
        disk.write(StoragePath.of(path), new ByteArrayInputStream(new byte[] {1, 2, 3}));
    }

    /** The real storage, except that deletions fail a given number of times first. */
    private static final class FlakyStorage implements FileStorage {
        private final FileStorage real;
        int failures;

        FlakyStorage(FileStorage real) {
            this.real = real;
        }

        @Override
        public Optional<FileInfo> stat(StoragePath path) throws IOException {
            return real.stat(path);
        }

        @Override
        public InputStream open(StoragePath path, long offset) throws IOException {
            return real.open(path, offset);
        }

        @Override
        public void write(StoragePath path, InputStream content) throws IOException {
            real.write(path, content);
        }

        @Override
        public boolean deleteFile(StoragePath path) throws IOException {
            return real.deleteFile(path);
        }

        @Override
        public DeleteOutcome deleteFileOrFolder(StoragePath path) throws IOException {
            if (failures > 0) {
                failures--;
                throw new IOException("disk unavailable");
            }
            return real.deleteFileOrFolder(path);
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
