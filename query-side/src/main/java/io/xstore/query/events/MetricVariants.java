package io.xstore.query.events;

import java.util.List;

/** One entry of a request's {@code metrics} filter: a metric and, optionally, some of its variants. */
public record MetricVariants(String metric, List<String> variants) {

    public MetricVariants {
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    public boolean allVariants() {
        return variants.isEmpty();
    }
}
