package io.xstore.bench;

import java.util.List;

/** One part of the report: its measurements, which of them are compared with a baseline, and how to read them. */
record ReportSection(String title, List<Measurement> measurements, List<Pair> pairs, String note) {

    /** A measurement and the baseline it is compared with: the raw backing service, or a cheaper call. */
    record Pair(Measurement measured, Measurement baseline) {
        double ratio() {
            return measured.rate() / baseline.rate();
        }
    }
}
