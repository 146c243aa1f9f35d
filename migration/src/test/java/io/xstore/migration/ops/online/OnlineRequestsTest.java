package io.xstore.migration.ops.online;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnlineRequestsTest {

    @TempDir
    Path dataDir;

    @Test
    void theToolPrintsTheServersProgressAndSummaryAndExitsWithItsOutcome() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FileChannel lock = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = lock.lock();
             OnlineRequestWatcher server = new OnlineRequestWatcher(dataDir, Map.of(
                     "reindex", report -> {
                         report.accept("step 1");
                         report.accept("step 2");
                         return "reindexed";
                     },
                     "replay", report -> {
                         throw new IllegalStateException("3 documents differ");
                     }))) {
            server.start();
            OnlineRequestClient client = new OnlineRequestClient(dataDir,
                    new PrintStream(progress, true, StandardCharsets.UTF_8),
                    new PrintStream(out, true, StandardCharsets.UTF_8));

            assertThat(client.run("reindex")).isZero();
            assertThat(client.run("replay")).isEqualTo(1);
        }
        assertThat(progress.toString(StandardCharsets.UTF_8)).isEqualTo("step 1\nstep 2\n");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("reindexed\nops replay failed: 3 documents differ\n");
    }

    @Test
    void withoutARunningServerTheToolPointsAtTheOfflineCommands() {
        OnlineRequestClient client = new OnlineRequestClient(dataDir, System.err, System.out);

        assertThatThrownBy(() -> client.run("reindex")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no server is running").hasMessageContaining("reindex-events");
    }
}
