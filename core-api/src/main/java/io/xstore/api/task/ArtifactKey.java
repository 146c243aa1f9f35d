package io.xstore.api.task;

/** Artifacts are keyed by (key, mode); mode is {@code output} (default) or {@code input}. */
public record ArtifactKey(String key, String mode) {
}
