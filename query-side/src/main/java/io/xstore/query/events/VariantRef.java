package io.xstore.query.events;

/** A metric/variant pair of one task. */
public record VariantRef(String metric, String variant) implements Comparable<VariantRef> {

    @Override
    public int compareTo(VariantRef other) {
        int byMetric = metric.compareTo(other.metric);
        return byMetric != 0 ? byMetric : variant.compareTo(other.variant);
    }
}
