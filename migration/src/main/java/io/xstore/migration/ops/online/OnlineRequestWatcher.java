package io.xstore.migration.ops.online;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The server's side of {@link OnlineRequests}: looks for requests every half second and runs them one at a time on a
 * thread of its own; a request left running by a server that stopped is marked failed at the next start.
 */
public final class OnlineRequestWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OnlineRequestWatcher.class);

    private final Path dir;
    private final Map<String, Function<Consumer<String>, String>> commands;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ops-online-requests");
        t.setDaemon(true);
        return t;
    });

    /** {@code commands}: what each command runs, given a progress line sink; returns the one-line summary. */
    public OnlineRequestWatcher(Path dataDir, Map<String, Function<Consumer<String>, String>> commands) {
        this.dir = OnlineRequests.directory(dataDir);
        this.commands = Map.copyOf(commands);
    }

    public void start() {
        failInterrupted();
        thread.scheduleWithFixedDelay(this::poll, 500, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    private void poll() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> requests = Files.newDirectoryStream(dir, "*" + OnlineRequests.REQUEST)) {
            for (Path request : requests) {
                String name = request.getFileName().toString();
                String id = name.substring(0, name.length() - OnlineRequests.REQUEST.length());
                Files.move(request, dir.resolve(id + OnlineRequests.RUNNING), StandardCopyOption.ATOMIC_MOVE);
                run(id, Files.readString(dir.resolve(id + OnlineRequests.RUNNING)).strip());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("ops requests in {}: {}", dir, e.toString());
        }
    }

    private void run(String id, String command) {
        Path progress = dir.resolve(id + OnlineRequests.LOG);
        Function<Consumer<String>, String> action = commands.get(command);
        if (action == null) {
            OnlineRequests.finish(dir, id, false, "this server does not run '" + command + "' online; it runs "
                    + commands.keySet());
            return;
        }
        log.info("ops {}: started on request {}", command, id);
        try {
            String summary = action.apply(line -> {
                log.info("{}", line);
                OnlineRequests.append(progress, line);
            });
            OnlineRequests.finish(dir, id, true, summary);
        } catch (RuntimeException e) {
            log.error("ops {} failed: {}", command, e.toString(), e);
            OnlineRequests.finish(dir, id, false, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void failInterrupted() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> running = Files.newDirectoryStream(dir, "*" + OnlineRequests.RUNNING)) {
            for (Path file : running) {
                String name = file.getFileName().toString();
                OnlineRequests.finish(dir, name.substring(0, name.length() - OnlineRequests.RUNNING.length()), false,
                        "interrupted: the server stopped while it ran");
            }
        } catch (IOException e) {
            log.warn("ops requests in {}: {}", dir, e.toString());
        }
    }
}
