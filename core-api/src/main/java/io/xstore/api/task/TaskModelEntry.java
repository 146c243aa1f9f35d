package io.xstore.api.task;

import java.time.Instant;

/** A named model reference of a task ({@code models.input[]} / {@code models.output[]}). */
public record TaskModelEntry(String name, String model, Instant updated) {
}
