package io.xstore.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The results as a Markdown table of measurements and a table of API-vs-raw ratios, for the console and a file. */
final class ResultReport {

    /** An API measurement and the raw operation of the backing service it is compared with. */
    record Pair(Measurement api, Measurement raw) {
        double ratio() {
            return api.rate() / raw.rate();
        }
    }

    private final List<Measurement> measurements;
    private final List<Pair> pairs;
    private final String context;

    ResultReport(List<Measurement> measurements, List<Pair> pairs, String context) {
        this.measurements = measurements;
        this.pairs = pairs;
        this.context = context;
    }

    /** Where the run happened: cores, load, JVM; load from other processes skews every figure. */
    static String machine(double loadAtStart, int tasksInReadSet, double serverStartSeconds) {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT,
                "%s · %d cores · load average %.2f at start, %.2f at end · Java %s · max heap %d MB · "
                        + "server start %.1f s · %d tasks in the read model",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), runtime.availableProcessors(), loadAtStart,
                loadAverage(), System.getProperty("java.version"), runtime.maxMemory() / (1024 * 1024),
                serverStartSeconds, tasksInReadSet);
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("# xstore benchmark\n\n").append(context).append("\n\n");
        out.append("| benchmark | threads | calls | throughput | p50 ms | p99 ms |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (Measurement m : measurements) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d%s | %,.0f %s | %.2f | %.2f |%n",
                    m.name(), m.threads(), m.ops(), m.cutShort() ? "*" : "", m.rate(), m.unit(),
                    m.p50Millis(), m.p99Millis()));
        }
        if (measurements.stream().anyMatch(Measurement::cutShort)) {
            out.append("\n\\* stopped at the time limit (bench.maxSeconds) before all calls were made.\n");
        }
        out.append("\n## API vs raw backing service (same machine, same embedded services)\n\n");
        out.append("| API | raw | API / raw |\n|---|---|---:|\n");
        for (Pair p : pairs) {
            out.append(String.format(Locale.ROOT, "| %s, %d thread%s: %,.0f %s | %s: %,.0f %s | %.3f (%.1f× slower) |%n",
                    p.api().name(), p.api().threads(), p.api().threads() == 1 ? "" : "s", p.api().rate(),
                    p.api().unit(), p.raw().name(), p.raw().rate(), p.raw().unit(), p.ratio(), 1 / p.ratio()));
        }
        out.append("""

                Every API write goes command → event store (Axon, H2) → projection → MongoDB and answers after the \
                read model caught up; events.add_batch answers once Kafka acknowledged every event (acks=all). \
                Raw baselines drive the same embedded MongoDB (mongo-java-server) and Kafka broker directly from the \
                same JVM, without HTTP, auth, validation or the event store.
                """);
        return out.toString();
    }
}
