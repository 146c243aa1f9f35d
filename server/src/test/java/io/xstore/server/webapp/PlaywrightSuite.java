package io.xstore.server.webapp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the front end's Playwright suite (webapp/frontend/e2e) as a child process and tells whether it passed. */
final class PlaywrightSuite {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path FRONTEND = Path.of("..", "webapp", "frontend").toAbsolutePath().normalize();

    private PlaywrightSuite() {
    }

    /** Exit code of {@code npx playwright test}; its output goes to the test's stdout and to {@code log}. */
    static int run(Map<String, String> env, Path log, long timeoutMinutes) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("npx", "playwright", "test"))
                .directory(FRONTEND.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("CI", "1");
        Process process = builder.start();
        Files.createDirectories(log.getParent());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter file = new PrintWriter(Files.newBufferedWriter(log))) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println("[e2e] " + line);
                file.println(line);
            }
        }
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
