package io.xstore.harness;

import io.xstore.server.embedded.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One server identity (data directory, ports, admin key pair, token secret) run as a child JVM. {@link #start()}
 * launches a process; after {@link #killHard()} or {@link #stop()} it can be started again on the same data
 * directory and ports, as an operator restarting the server would. Each launch logs to its own file in the data
 * directory.
 */
public final class ServerProcess implements AutoCloseable {

    public static final String ACCESS_KEY = "HARNESSACCESSKEY00000000000000";
    public static final String MAIN_CLASS = "io.xstore.server.XstoreServer";
    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final Config config;
    private final String tokenSecret = "harness-token-secret-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private long launchedAtNanos;
    private int launches;

    /** {@code heap} is the child's -Xmx; {@code properties} are extra Spring properties (they win over defaults). */
    public record Config(Path dataDir, Ports ports, String secretKey, String classpath, String heap,
                         Map<String, String> properties) {

        public static Config of(Path dataDir) {
            return new Config(dataDir, Ports.free(), "harness-secret-" + UUID.randomUUID().toString().replace("-", ""),
                    System.getProperty("java.class.path"), "768m", Map.of());
        }

        public Config withProperty(String key, String value) {
            Map<String, String> merged = new LinkedHashMap<>(properties);
            merged.put(key, value);
            return new Config(dataDir, ports, secretKey, classpath, heap, Map.copyOf(merged));
        }
    }

    public record Ports(int api, int fileserver, int webapp) {
        public static Ports free() {
            int[] ports = FreePort.distinct(3);
            return new Ports(ports[0], ports[1], ports[2]);
        }
    }

    public ServerProcess(Config config) {
        this.config = config;
    }

    /** A server on {@code dataDir}, on free ports, with a fresh admin secret; not launched yet. */
    public static ServerProcess on(Path dataDir) {
        return new ServerProcess(Config.of(dataDir));
    }

    public Config config() {
        return config;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + config.ports().api();
    }

    public HarnessApi api() {
        return new HarnessApi(baseUrl(), ACCESS_KEY, config.secretKey());
    }

    public Path logFile() {
        return config.dataDir().resolve("server-" + launches + ".log");
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Launches the child JVM; the caller waits for it with {@link #awaitReady(Duration)}. */
    public ServerProcess start() {
        if (isAlive()) {
            throw new IllegalStateException("server already running, pid " + process.pid());
        }
        try {
            Files.createDirectories(config.dataDir());
            launches++;
            ProcessBuilder builder = new ProcessBuilder(command())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
            launchedAtNanos = System.nanoTime();
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch the server", e);
        }
    }

    private List<String> command() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + config.heap(),
                "-XX:+UseSerialGC"));
        if (isBootJar(config.classpath())) {
            // a Spring Boot fat jar (the bench run with java -jar): its classes are nested, only its launcher sees them
            command.addAll(List.of("-Dloader.main=" + MAIN_CLASS, "-cp", config.classpath(), BOOT_LAUNCHER));
        } else {
            command.addAll(List.of("-cp", config.classpath(), MAIN_CLASS));
        }
        properties().forEach((key, value) -> command.add("--" + key + "=" + value));
        return command;
    }

    private Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("xstore.data-dir", config.dataDir().toAbsolutePath().toString());
        p.put("xstore.api.port", String.valueOf(config.ports().api()));
        p.put("server.port", String.valueOf(config.ports().api()));
        p.put("xstore.fileserver.port", String.valueOf(config.ports().fileserver()));
        p.put("xstore.webapp.port", String.valueOf(config.ports().webapp()));
        p.put("xstore.auth.token-secret", tokenSecret);
        p.put("xstore.auth.credentials[0].access-key", ACCESS_KEY);
        p.put("xstore.auth.credentials[0].secret-key", config.secretKey());
        p.put("xstore.auth.credentials[0].user-name", "harness");
        p.put("xstore.auth.credentials[0].role", "admin");
        p.putAll(config.properties());
        return p;
    }

    private static boolean isBootJar(String classpath) {
        if (classpath.contains(java.io.File.pathSeparator) || !classpath.endsWith(".jar")) {
            return false;
        }
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(classpath)) {
            return jar.getEntry("BOOT-INF/") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits until the readiness probe (which includes the projectors) answers 200; returns the time from the launch
     * of the process, i.e. the start or restart time. Throws if the process dies or the time runs out.
     */
    public Duration awaitReady(Duration timeout) {
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + " before it was ready; "
                        + "log " + logFile() + ":\n" + logTail(40));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - launchedAtNanos);
                }
            } catch (IOException notListeningYet) {
                // the API port opens late in the start
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        throw new IllegalStateException("server not ready within " + timeout + "; log " + logFile() + ":\n"
                + logTail(40));
    }

    /** SIGKILL on Linux: no shutdown hook, no flush, no close. Returns once the process is gone. */
    public void killHard() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
        }
    }

    /** SIGTERM: Spring's shutdown hook closes the server; SIGKILL if it takes longer than {@code grace}. */
    public void stop(Duration grace) {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(grace)) {
                killHard();
            }
        }
    }

    public void stop() {
        stop(Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        stop();
    }

    /** The last {@code lines} lines of the current launch's log. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
