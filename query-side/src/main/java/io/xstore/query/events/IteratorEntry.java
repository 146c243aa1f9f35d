package io.xstore.query.events;

import java.util.List;

/** One entry of the {@code metrics} list of {@code debug_images}/{@code plots}: a task, maybe a metric and variants. */
public record IteratorEntry(String task, String metric, List<String> variants) {

    public IteratorEntry {
        variants = variants == null ? List.of() : List.copyOf(variants);
    }
}
