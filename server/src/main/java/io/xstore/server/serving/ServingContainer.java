package io.xstore.server.serving;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One serving container instance as the registry holds it (docs/api/serving.md): what it serves, where, and its
 * last reported figures. Immutable; a registration or a status report replaces it.
 */
record ServingContainer(String company, String id, String endpointName, String endpointUrl, String modelName,
                        String modelSource, String modelVersion, String preprocessArtifact, String inputType,
                        Long inputSize, JsonNode reference, String ip, Instant registered, long timeoutSeconds,
                        Instant lastActivity, Long uptimeSec, Long requestsNum, Double requestsMin, Long latencyMs,
                        JsonNode machineStats) {

    boolean aliveAt(Instant now) {
        return !lastActivity.plusSeconds(timeoutSeconds).isBefore(now);
    }

    /** Seconds since registration. */
    long ageSeconds(Instant now) {
        return Math.max(0, now.getEpochSecond() - registered.getEpochSecond());
    }
}
