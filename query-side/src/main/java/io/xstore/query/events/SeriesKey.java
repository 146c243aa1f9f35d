package io.xstore.query.events;

/** One scalar series: the events of one task (or model) with one metric and variant. */
public record SeriesKey(String task, String metric, String variant) {
}
