package io.xstore.api.task;

/** Identifies one model entry of a task: its name within {@code type} = {@code input} or {@code output}. */
public record TaskModelRef(String name, String type) {
}
