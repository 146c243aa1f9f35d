package io.xstore.migration.ops;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress line of a long operation on stderr: count, total when known, rate and ETA, at most every
 * {@link #EVERY_NANOS}; and its one-line summary at the end.
 */
public final class Progress {

    private static final long EVERY_NANOS = 2_000_000_000L;

    private final PrintStream out;
    private final String what;
    private final String unit;
    private final long started = System.nanoTime();
    private long total;
    private long lastPrinted = started;
    private long count;

    public Progress(PrintStream out, String what, String unit, long total) {
        this.out = out;
        this.what = what;
        this.unit = unit;
        this.total = total;
    }

    public static Progress onStderr(String what, String unit, long total) {
        return new Progress(System.err, what, unit, total);
    }

    public void total(long newTotal) {
        this.total = newTotal;
    }

    public synchronized void add(long done) {
        at(count + done);
    }

    /** The count reached so far; prints a line if the last one is old enough. */
    public synchronized void at(long reached) {
        count = reached;
        long now = System.nanoTime();
        if (now - lastPrinted >= EVERY_NANOS) {
            lastPrinted = now;
            out.println(line());
        }
    }

    public synchronized long count() {
        return count;
    }

    public double seconds() {
        return Math.max((System.nanoTime() - started) / 1e9, 1e-3);
    }

    public double rate() {
        return count / seconds();
    }

    String line() {
        double rate = rate();
        StringBuilder line = new StringBuilder(what).append(": ").append(count);
        if (total > 0) {
            line.append(" of ").append(total).append(String.format(Locale.ROOT, " (%.0f%%)", 100.0 * count / total));
        }
        line.append(' ').append(unit).append(String.format(Locale.ROOT, ", %.0f %s/s", rate, unit));
        if (total > 0 && rate > 0) {
            line.append(String.format(Locale.ROOT, ", ETA %d s", Math.round(Math.max(0, total - count) / rate)));
        }
        return line.toString();
    }

    /** The one-line summary: what, how many, how long, how fast, and anything else worth a word. */
    public String summary(String extra) {
        return String.format(Locale.ROOT, "%s: %d %s in %.1f s (%.0f %s/s)%s", what, count, unit, seconds(), rate(),
                unit, extra == null || extra.isEmpty() ? "" : "; " + extra);
    }
}
