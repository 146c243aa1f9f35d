package io.xstore.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the whole xstore server in this JVM on its embedded services and measures it section by section
 * ({@code --only=api|write-path|replay}, api and write-path without the argument): the API calls an SDK run makes most against the raw
 * speed of the same MongoDB, Kafka and Elasticsearch, and the write path (commands, reads over many tasks, replay)
 * against its raw halves. Prints the results, also written to {@code bench-results.md}. Sizes: see
 * {@link BenchSettings}.
 */
public final class XstoreBench {

    private XstoreBench() {
    }

    public static void main(String[] args) {
        try {
            run(Sections.fromArguments(args), BenchSettings.fromSystemProperties());
            System.exit(0);
        } catch (Throwable e) {
            System.err.println("benchmark failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Sections sections, BenchSettings settings) throws Exception {
        double loadAtStart = ResultReport.loadAverage();
        progress("sections " + sections.selected() + "; starting the server on embedded services ...");
        long startNanos = System.nanoTime();
        try (EmbeddedServer server = EmbeddedServer.start(settings.dataDir(), settings.keepData())) {
            double startSeconds = (System.nanoTime() - startNanos) / 1e9;
            progress(String.format("server up in %.1f s (data in %s)", startSeconds, server.dataDir()));
            LoadRunner runner = new LoadRunner(Duration.ofSeconds(settings.maxSeconds()));
            BenchApi api = new BenchApi(server.apiBaseUrl(), EmbeddedServer.ACCESS_KEY, EmbeddedServer.SECRET_KEY);
            List<ReportSection> results = new ArrayList<>();
            if (sections.includes(Sections.API)) {
                results.add(ApiSection.run(server, api, runner, settings));
            }
            if (sections.includes(Sections.WRITE_PATH)) {
                results.add(WritePathSection.run(server, api, runner, settings));
            }
            if (sections.includes(Sections.REPLAY)) {
                results.add(ReplaySection.run(server, api, settings));
            }
            String report = new ResultReport(results, ResultReport.machine(loadAtStart, startSeconds)).render();
            System.out.println();
            System.out.println(report);
            Files.createDirectories(settings.resultFile().getParent());
            Files.writeString(settings.resultFile(), report);
            progress("written to " + settings.resultFile());
        }
    }

    static List<Measurement> measured(List<Measurement> results) {
        results.forEach(XstoreBench::measured);
        return results;
    }

    static Measurement measured(Measurement m) {
        progress(String.format("%-45s %2d thr %6d calls %10.0f %s", m.name(), m.threads(), m.ops(), m.rate(),
                m.unit()));
        return m;
    }

    static void progress(String line) {
        System.out.println("[bench] " + line);
    }
}
