package io.xstore.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.xstore.migration.ops.DataDirs;
import io.xstore.migration.ops.RunningServer;
import io.xstore.migration.ops.backup.BackupManifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * An online backup while tasks and metric batches are being written, restored into another data directory: a
 * server started there has every write acknowledged before the backup began (task, comment, status, history and
 * scalar iterations), the file server's files, byte for byte, and the file deletions: one pending at the backup is
 * done by the restored server.
 */
class BackupRestoreIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final String STALE_PATH = "project/run.old/artifacts/stale.bin";
    private static final String STALE_OWNER = "0ld0000000000000000000000000000d";
    private static final String HARNESS_COMPANY = "d1bd92a3b039400cbafc60a7a5b1e52b";

    @Test
    void aBackupTakenDuringWritesRestoresEveryWriteAcknowledgedBeforeIt() throws Exception {
        Path root = Files.createTempDirectory("xstore-backup-it-");
        Path source = root.resolve("source");
        Path backup = root.resolve("backup");
        Path restored = root.resolve("restored");
        ServerProcess original = ServerProcess.on(source);
        ServerProcess copy = null;
        boolean passed = false;
        try {
            original.start().awaitReady(START_TIMEOUT);
            Path file = source.resolve("files").resolve("project/run.abc/artifacts/model.bin");
            Files.createDirectories(file.getParent());
            Files.write(file, "weights".repeat(1000).getBytes(StandardCharsets.UTF_8));

            Path stale = source.resolve("files").resolve(STALE_PATH);
            Files.createDirectories(stale.getParent());
            Files.writeString(stale, "to be deleted");
            addPendingDeletion(source);

            WriteLoad load = WriteLoad.start(original.api(), 4, WriteLoad.Mix.ALL);
            Thread.sleep(3000);
            List<TaskLedger> acknowledged = load.acknowledgedSoFar();
            String backupOutput = OpsRun.ok("backup", "--data-dir=" + source, "--to=" + backup);
            Thread.sleep(1000);
            List<TaskLedger> all = load.stop();
            System.out.println(backupOutput + "\ncalls by outcome: " + load.counts());
            assertThat(backupOutput).contains("backup: " + backup + " written");
            assertThat(acknowledged).isNotEmpty();
            assertThat(all.size()).isGreaterThanOrEqualTo(acknowledged.size());
            original.stop();

            String restoreOutput = OpsRun.ok("restore", "--from=" + backup, "--data-dir=" + restored);
            System.out.println(restoreOutput);
            assertThat(restoreOutput).contains("verified").doesNotContain("FAILED");
            assertThat(Files.readString(restored.resolve("files").resolve("project/run.abc/artifacts/model.bin")))
                    .isEqualTo(Files.readString(file));

            ServerProcess.Config first = original.config();
            copy = new ServerProcess(new ServerProcess.Config(restored, ServerProcess.Ports.free(),
                    first.secretKey(), first.classpath(), first.heap(), first.properties()));
            copy.start().awaitReady(START_TIMEOUT);
            DurabilityCheck.Result result = new DurabilityCheck(copy.api()).check(acknowledged,
                    Duration.ofSeconds(90));
            result.losses().forEach(loss -> System.out.println("LOST " + loss));
            assertThat(result.losses()).as("writes acknowledged before the backup, missing after the restore")
                    .isEmpty();
            String cleanupPosition = BackupManifest.read(backup).getProperty(BackupManifest.DELETIONS_POSITION);
            assertThat(Files.readString(copy.logFile())).contains("restore: metric event log into",
                    "restore: 1 file deletions registered again (1 of them pending",
                    "file cleanup resumes after event " + cleanupPosition);
            aDeletionPendingAtTheBackupIsDoneByTheRestoredServer(copy, restored);
            passed = true;
        } finally {
            original.stop();
            if (copy != null) {
                copy.stop();
            }
            if (passed) {
                TestDirs.delete(root);
            } else {
                System.out.println("kept for investigation: " + root);
            }
        }
    }

    /** A deletion waiting for its next attempt (tomorrow), as a failed first attempt leaves it. */
    private static void addPendingDeletion(Path dataDir) {
        String uri = RunningServer.endpoints(dataDir).orElseThrow().getProperty(RunningServer.MONGODB);
        String database = new ConnectionString(uri).getDatabase();
        try (MongoClient mongo = MongoClients.create(uri)) {
            mongo.getDatabase(database == null ? DataDirs.MONGO_DATABASE : database).getCollection("file_deletions")
                    .insertOne(new Document("_id", "backup-it-deletion").append("url", "http://files/" + STALE_PATH)
                            .append("path", STALE_PATH).append("owner_kind", "task").append("owner_id", STALE_OWNER)
                            .append("company", HARNESS_COMPANY).append("status", "pending").append("attempts", 1)
                            .append("last_error", "simulated: disk busy").append("result", null)
                            .append("requested", new Date())
                            .append("next_attempt", Date.from(Instant.now().plus(Duration.ofDays(1))))
                            .append("finished", null));
        }
    }

    // the backup carries file_deletions; the restored server registers them again and its worker does the pending ones
    private static void aDeletionPendingAtTheBackupIsDoneByTheRestoredServer(ServerProcess server, Path dataDir)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode deletion;
        do {
            Thread.sleep(500);
            deletion = server.api().data("files.get_deletions", Map.of("owner", STALE_OWNER)).path("deletions")
                    .path(0);
        } while (!"done".equals(deletion.path("status").asText()) && System.nanoTime() < deadline);
        assertThat(deletion.path("status").asText()).as(deletion.toString()).isEqualTo("done");
        assertThat(dataDir.resolve("files").resolve(STALE_PATH)).doesNotExist();
    }
}
