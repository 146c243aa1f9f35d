package io.xstore.bench;

import java.util.Arrays;

/**
 * What one measured phase did: {@code ops} calls in {@code elapsedNanos} wall time from {@code threads} threads,
 * each call carrying {@code unitsPerOp} units (1, or the events/records of a batch), with every call's latency.
 */
record Measurement(String name, String unit, int threads, int ops, int unitsPerOp, long elapsedNanos,
                   long[] sortedLatencyNanos, boolean cutShort) {

    /** One long operation (a replay, a full read) of {@code units} units: a rate, but no latency distribution. */
    static Measurement once(String name, String unit, long units, long elapsedNanos) {
        return new Measurement(name, unit, 1, Math.toIntExact(units), 1, elapsedNanos, new long[0], false);
    }

    /** Units per second over the wall time of the phase. */
    double rate() {
        return elapsedNanos == 0 ? 0 : (double) ops * unitsPerOp * 1e9 / elapsedNanos;
    }

    double p50Millis() {
        return percentileMillis(0.50);
    }

    double p99Millis() {
        return percentileMillis(0.99);
    }

    private double percentileMillis(double fraction) {
        if (sortedLatencyNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(fraction * sortedLatencyNanos.length) - 1;
        return sortedLatencyNanos[Math.max(0, Math.min(index, sortedLatencyNanos.length - 1))] / 1e6;
    }

    static long[] sorted(long[] latencies) {
        long[] copy = latencies.clone();
        Arrays.sort(copy);
        return copy;
    }
}
