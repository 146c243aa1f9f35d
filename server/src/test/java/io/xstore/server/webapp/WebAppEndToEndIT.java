package io.xstore.server.webapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web app's end-to-end suite (webapp/frontend/e2e, Playwright in Debian's chromium) against this server,
 * seeded through the API. Screenshots of each view land in target/webapp-screenshots. Skipped only when
 * /usr/bin/chromium is missing (`.ci/run` installs it). -Dxstore.e2e.million=false leaves out the 1M-point run.
 */
class WebAppEndToEndIT extends ServerTestSupport {

    private static final Path OUTPUT = Path.of("target", "webapp-e2e").toAbsolutePath();
    private static final Path SCREENSHOTS = Path.of("target", "webapp-screenshots").toAbsolutePath();

    @Test
    void playwrightSuitePassesAgainstASeededServer() throws Exception {
        assumeTrue(Files.isExecutable(PlaywrightSuite.CHROMIUM),
                "web app e2e skipped: /usr/bin/chromium is not installed (apt-get install -y chromium)");
        assertThat(PlaywrightSuite.FRONTEND.resolve("node_modules/@playwright/test"))
                .as("the web app's npm packages (built by the webapp module: mvn -pl server -am ...)").exists();

        long start = System.nanoTime();
        boolean million = !"false".equals(System.getProperty("xstore.e2e.million"));
        SeedApi api = new SeedApi(apiBaseUrl(), fileServerUrl());
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        WebAppSeed seeder = new WebAppSeed(api, suffix);
        Map<String, Object> seed = seeder.build(million);
        seed.putAll(new WebAppSeedPart2(api, suffix).build(seed));
        Files.createDirectories(OUTPUT);
        Path seedFile = OUTPUT.resolve("seed.json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(seedFile.toFile(), seed);
        System.out.printf("web app e2e: seeded in %d s%n", (System.nanoTime() - start) / 1_000_000_000);

        if (million) {
            // Before the suite, not beside it: indexing a million points keeps both cores busy for minutes, and the
            // other views' checks would time out behind it.
            long from = System.nanoTime();
            seeder.fillSpikeRun(((Map<?, ?>) seed.get("spikeTask")).get("id").toString());
            System.out.printf("web app e2e: %d points added in %d s%n", WebAppSeed.SPIKE_POINTS,
                    (System.nanoTime() - from) / 1_000_000_000);
        }

        int exit = PlaywrightSuite.run(Map.of(
                "XSTORE_WEB_URL", webappUrl(),
                "XSTORE_USER", WEB_USER,
                "XSTORE_PASSWORD", WEB_PASSWORD,
                "XSTORE_SEED", seedFile.toString(),
                "XSTORE_E2E_OUTPUT", OUTPUT.toString(),
                "XSTORE_SCREENSHOTS", SCREENSHOTS.toString()), OUTPUT.resolve("playwright.log"), 20);
        assertThat(exit).as("playwright exit code; output in %s", OUTPUT.resolve("playwright.log")).isZero();
    }
}
