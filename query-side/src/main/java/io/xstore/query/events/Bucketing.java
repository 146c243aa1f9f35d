package io.xstore.query.events;

import java.util.List;

/**
 * How a scalar series longer than {@code samples} is bucketed (docs/api/behaviour-rules.md, "Scalar histogram
 * default"): {@code mean}, the reference's answer, one point per bucket at the bucket's start with the mean value;
 * {@code min_max}, this project's spike-keeping answer, one point per bucket at its last point plus the bucket's
 * lowest and highest value.
 */
public enum Bucketing {
    MEAN("mean"),
    MIN_MAX("min_max");

    public static final String FIELD = "bucketing";
    public static final List<String> WIRE_VALUES = List.of(MEAN.wire, MIN_MAX.wire);

    private final String wire;

    Bucketing(String wire) {
        this.wire = wire;
    }

    public static Bucketing fromWire(String value) {
        return MIN_MAX.wire.equals(value) ? MIN_MAX : MEAN;
    }
}
