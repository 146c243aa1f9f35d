package io.xstore.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The results as Markdown: per section a table of measurements and a table of ratios to their baselines. */
final class ResultReport {

    private final List<ReportSection> sections;
    private final String context;

    ResultReport(List<ReportSection> sections, String context) {
        this.sections = sections;
        this.context = context;
    }

    /** Where the run happened: cores, load, JVM; load from other processes skews every figure. */
    static String machine(double loadAtStart, double serverStartSeconds) {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT,
                "%s · %d cores · load average %.2f at start, %.2f at end · Java %s · max heap %d MB · "
                        + "server start %.1f s",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), runtime.availableProcessors(), loadAtStart,
                loadAverage(), System.getProperty("java.version"), runtime.maxMemory() / (1024 * 1024),
                serverStartSeconds);
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("# xstore benchmark\n\n").append(context).append("\n");
        for (ReportSection section : sections) {
            out.append("\n## ").append(section.title()).append("\n\n");
            appendMeasurements(out, section.measurements());
            out.append("\n| measured | baseline | measured / baseline |\n|---|---|---:|\n");
            for (ReportSection.Pair p : section.pairs()) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %.3f (%.1f× %s) |%n",
                        describe(p.measured()), describe(p.baseline()), p.ratio(),
                        p.ratio() > 1 ? p.ratio() : 1 / p.ratio(), p.ratio() > 1 ? "faster" : "slower"));
            }
            out.append('\n').append(section.note().strip()).append('\n');
        }
        return out.toString();
    }

    private static void appendMeasurements(StringBuilder out, List<Measurement> measurements) {
        out.append("| benchmark | threads | calls | throughput | p50 ms | p99 ms |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (Measurement m : measurements) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d%s | %s %s | %s | %s |%n",
                    m.name(), m.threads(), m.ops(), m.cutShort() ? "*" : "", rate(m), m.unit(),
                    millis(m.p50Millis()), millis(m.p99Millis())));
        }
        if (measurements.stream().anyMatch(Measurement::cutShort)) {
            out.append("\n\\* stopped at the time limit (bench.maxSeconds) before all calls were made.\n");
        }
    }

    private static String describe(Measurement m) {
        return String.format(Locale.ROOT, "%s, %d thread%s: %s %s", m.name(), m.threads(),
                m.threads() == 1 ? "" : "s", rate(m), m.unit());
    }

    /** Slow calls (a few per second or less) keep two decimals, so they do not print as 0. */
    private static String rate(Measurement m) {
        return String.format(Locale.ROOT, m.rate() < 10 ? "%.2f" : "%,.0f", m.rate());
    }

    /** One-shot measurements have no latency distribution. */
    private static String millis(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }
}
