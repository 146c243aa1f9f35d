package io.xstore.query.events;

/** One point of a scalar series: its x on the requested axis and its value. */
public record ScalarPoint(long x, double y) {
}
