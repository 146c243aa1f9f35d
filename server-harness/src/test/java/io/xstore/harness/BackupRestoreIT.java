package io.xstore.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.xstore.migration.ops.OpsCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An online backup while tasks and metric batches are being written, restored into another data directory: a
 * server started there has every write acknowledged before the backup began (task, comment, status, history and
 * scalar iterations), and the file server's files, byte for byte.
 */
class BackupRestoreIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

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

            WriteLoad load = WriteLoad.start(original.api(), 4, WriteLoad.Mix.ALL);
            Thread.sleep(3000);
            List<TaskLedger> acknowledged = load.acknowledgedSoFar();
            String backupOutput = ops("backup", "--data-dir=" + source, "--to=" + backup);
            Thread.sleep(1000);
            List<TaskLedger> all = load.stop();
            System.out.println(backupOutput + "\ncalls by outcome: " + load.counts());
            assertThat(backupOutput).contains("backup: " + backup + " written");
            assertThat(acknowledged).isNotEmpty();
            assertThat(all.size()).isGreaterThanOrEqualTo(acknowledged.size());
            original.stop();

            String restoreOutput = ops("restore", "--from=" + backup, "--data-dir=" + restored);
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
            assertThat(Files.readString(copy.logFile())).contains("restore: metric event log into");
            passed = true;
        } finally {
            original.stop();
            if (copy != null) {
                copy.stop();
            }
            if (passed) {
                delete(root);
            } else {
                System.out.println("kept for investigation: " + root);
            }
        }
    }

    private static String ops(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        OpsCli.Outcome outcome = OpsCli.run(args, out);
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(outcome.exitCode()).as(text).isZero();
        return text;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
