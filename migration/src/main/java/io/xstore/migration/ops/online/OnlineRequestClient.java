package io.xstore.migration.ops.online;

import io.xstore.migration.ops.RunningServer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The tool's side of {@link OnlineRequests}: submits a command to the server running on a data directory, prints
 * its progress lines (stderr) as they come and its summary (stdout) at the end.
 */
public final class OnlineRequestClient {

    private static final Duration PICK_UP_TIMEOUT = Duration.ofSeconds(30);

    private final Path dataDir;
    private final PrintStream progress;
    private final PrintStream out;

    public OnlineRequestClient(Path dataDir, PrintStream progress, PrintStream out) {
        this.dataDir = dataDir;
        this.progress = progress;
        this.out = out;
    }

    /** Runs {@code command} on the running server; the exit code (0 done, 1 failed). */
    public int run(String command) {
        if (!RunningServer.isRunning(dataDir)) {
            throw new IllegalArgumentException("no server is running on " + dataDir + "; the online rebuilds run "
                    + "inside it (stopped: use ops rebuild-read-models / reindex-events)");
        }
        String id = OnlineRequests.submit(dataDir, command);
        Path dir = OnlineRequests.directory(dataDir);
        Path request = dir.resolve(id + OnlineRequests.REQUEST);
        Path log = dir.resolve(id + OnlineRequests.LOG);
        Path done = dir.resolve(id + OnlineRequests.DONE);
        long submitted = System.nanoTime();
        int printed = 0;
        try {
            while (true) {
                boolean finished = Files.exists(done);
                if (Files.exists(log)) {
                    List<String> lines = Files.readAllLines(log);
                    for (; printed < lines.size(); printed++) {
                        progress.println(lines.get(printed));
                    }
                }
                if (finished) {
                    String result = Files.readString(done).strip();
                    boolean ok = result.startsWith(OnlineRequests.OK.strip());
                    out.println(ok ? result.substring(OnlineRequests.OK.length())
                            : "ops " + command + " failed: " + result.substring(OnlineRequests.FAILED.length()));
                    return ok ? 0 : 1;
                }
                if (Files.exists(request) && System.nanoTime() - submitted > PICK_UP_TIMEOUT.toNanos()) {
                    Files.deleteIfExists(request);
                    out.println("ops " + command + ": the server on " + dataDir + " did not take the request within "
                            + PICK_UP_TIMEOUT.toSeconds() + " s (a build without online rebuilds?)");
                    return 1;
                }
                Thread.sleep(300);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot follow request " + id + " in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("ops " + command + ": stopped following; the server goes on (see " + log + ")");
            return 1;
        }
    }
}
