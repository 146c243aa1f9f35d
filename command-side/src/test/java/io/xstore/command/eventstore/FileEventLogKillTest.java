package io.xstore.command.eventstore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.xstore.command.eventstore.EventStoreTestSupport.event;
import static io.xstore.command.eventstore.EventStoreTestSupport.open;
import static org.assertj.core.api.Assertions.assertThat;

/** A real kill -9 of a process in the middle of appending: every event it acknowledged is there afterwards. */
class FileEventLogKillTest {

    @TempDir
    Path dir;

    @Test
    void acknowledgedEventsSurviveKillMinusNine() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Appender.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String[]> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                acknowledged.add(line.split(" "));
                if (acknowledged.size() == 300) {
                    // SIGKILL through the handle: Process.destroyForcibly would also close our end of the pipe
                    child.toHandle().destroyForcibly();
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);

        try (FileEventStorageEngine engine = open(dir)) {
            for (String[] ack : acknowledged) {
                long index = Long.parseLong(ack[0]);
                StoredEvent stored = engine.readRaw(index, index).findFirst().orElseThrow(
                        () -> new AssertionError("acknowledged event " + index + " is missing"));
                assertThat(stored.getAggregateIdentifier()).isEqualTo(ack[1]);
                assertThat(stored.getSequenceNumber()).isEqualTo(Long.parseLong(ack[2]));
            }
            // and the log is usable: each appender's aggregate continues where the log says it ends
            long next = engine.lastSequenceNumberFor("k0").orElse(-1L) + 1;
            engine.appendEvents(event("k0", next));
        }
    }

    /** Child process: four threads append forever, printing "index aggregate sequence" once acknowledged. */
    public static final class Appender {

        public static void main(String[] args) {
            FileEventStorageEngine engine = open(Path.of(args[0]), FsyncPolicy.NEVER);
            for (int t = 0; t < 4; t++) {
                String aggregate = "k" + t;
                new Thread(() -> {
                    for (long sequence = 0; ; sequence++) {
                        engine.appendEvents(event(aggregate, sequence));
                        synchronized (System.out) {
                            System.out.println(engine.lastAppendedPosition() + " " + aggregate + " " + sequence);
                            System.out.flush();
                        }
                    }
                }).start();
            }
        }
    }
}
