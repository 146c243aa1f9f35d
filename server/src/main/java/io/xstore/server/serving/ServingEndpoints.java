package io.xstore.server.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import io.xstore.protocol.WireDates;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The {@code serving} service, as clearml-serving uses it (docs/api/serving.md). */
@Component
public class ServingEndpoints {

    static final long DEFAULT_TIMEOUT = 600;

    private final ServingRegistry registry;
    private final ServingStats stats;

    public ServingEndpoints(ServingRegistry registry, ServingStats stats) {
        this.registry = registry;
        this.stats = stats;
    }

    @ApiEndpoint(value = "serving.register_container", since = "2.31")
    public Object registerContainer(CallContext ctx) {
        ObjectNode body = ctx.body();
        Integer timeout = Fields.optInt(body, "timeout");
        if (timeout != null && timeout <= 0) {
            throw ApiError.VALIDATION_ERROR.toException("timeout must be positive", Map.of("timeout", timeout));
        }
        Instant now = registry.now();
        registry.put(report(ctx, now, now, timeout == null ? DEFAULT_TIMEOUT : timeout, false));
        return Map.of();
    }

    /** Unregistering a container that is not registered (any more) is not an error. */
    @ApiEndpoint(value = "serving.unregister_container", since = "2.31")
    public Object unregisterContainer(CallContext ctx) {
        registry.remove(ctx.company(), containerId(ctx.body()));
        return Map.of();
    }

    /** Refreshes the container, registering it when unknown (600 s timeout); its figures go to Elasticsearch. */
    @ApiEndpoint(value = "serving.container_status_report", since = "2.31")
    public Object containerStatusReport(CallContext ctx) {
        ObjectNode body = ctx.body();
        if (Fields.optString(body, "endpoint_url") == null) {
            throw ApiError.VALIDATION_ERROR.toException("Missing required field 'endpoint_url'",
                    Map.of("field", "endpoint_url"));
        }
        Instant now = registry.now();
        ServingContainer known = registry.live(ctx.company(), containerId(body));
        ServingContainer container = report(ctx, known == null ? now : known.registered(), now,
                known == null ? DEFAULT_TIMEOUT : known.timeoutSeconds(), true);
        registry.put(container);
        stats.record(container, now.toEpochMilli());
        return Map.of();
    }

    /** The live containers grouped by endpoint url (containers still loading, without a url, are left out). */
    @ApiEndpoint(value = "serving.get_endpoints", since = "2.31")
    public Object getEndpoints(CallContext ctx) {
        Map<String, List<ServingContainer>> byUrl = new LinkedHashMap<>();
        for (ServingContainer c : registry.all(ctx.company())) {
            if (c.endpointUrl() != null) {
                byUrl.computeIfAbsent(c.endpointUrl(), url -> new ArrayList<>()).add(c);
            }
        }
        List<Map<String, Object>> endpoints = new ArrayList<>();
        byUrl.values().forEach(group -> endpoints.add(summary(group)));
        return Map.of("endpoints", endpoints);
    }

    @ApiEndpoint(value = "serving.get_loading_instances", since = "2.31")
    public Object getLoadingInstances(CallContext ctx) {
        Instant now = registry.now();
        List<Map<String, Object>> instances = new ArrayList<>();
        for (ServingContainer c : registry.byUrl(ctx.company(), null)) {
            Map<String, Object> out = modelInfo(c);
            out.put("id", c.id());
            out.put("uptime_sec", c.uptimeSec());
            out.put("age_sec", c.ageSeconds(now));
            out.put("last_update", WireDates.format(c.lastActivity()));
            instances.add(out);
        }
        return Map.of("instances", instances);
    }

    /** 400/1052 when no live container serves the url. */
    @ApiEndpoint(value = "serving.get_endpoint_details", since = "2.31")
    public Object getEndpointDetails(CallContext ctx) {
        String url = Fields.requireString(ctx.body(), "endpoint_url");
        List<ServingContainer> group = registry.byUrl(ctx.company(), url);
        if (group.isEmpty()) {
            throw ApiError.NO_CONTAINERS_FOR_URL.toException(Map.of("url", url));
        }
        Map<String, Object> out = modelInfo(group.get(0));
        out.put("uptime_sec", max(group, ServingContainer::uptimeSec));
        out.put("last_update", WireDates.format(group.stream().map(ServingContainer::lastActivity)
                .max(Instant::compareTo).orElseThrow()));
        List<Map<String, Object>> instances = new ArrayList<>();
        for (ServingContainer c : group) {
            Map<String, Object> instance = new LinkedHashMap<>();
            instance.put("id", c.id());
            instance.put("uptime_sec", c.uptimeSec());
            instance.put("requests", c.requestsNum());
            instance.put("requests_min", c.requestsMin());
            instance.put("latency_ms", c.latencyMs());
            instance.put("last_update", WireDates.format(c.lastActivity()));
            instance.put("reference", c.reference());
            instance.put("cpu_count", count(c.machineStats(), "cpu_usage"));
            instance.put("gpu_count", count(c.machineStats(), "gpu_usage"));
            instances.add(instance);
        }
        out.put("instances", instances);
        return out;
    }

    @ApiEndpoint(value = "serving.get_endpoint_metrics_history", since = "2.31")
    public Object getEndpointMetricsHistory(CallContext ctx) {
        ObjectNode body = ctx.body();
        String url = Fields.requireString(body, "endpoint_url");
        long from = epoch(body, "from_date");
        long to = epoch(body, "to_date");
        if (from >= to) {
            throw ApiError.FIELDS_VALUE_ERROR.toException("from_date must be less than to_date",
                    Map.of("from_date", from, "to_date", to));
        }
        Integer interval = Fields.optInt(body, "interval");
        if (interval == null) {
            throw ApiError.MISSING_REQUIRED_FIELDS.toException("interval is required", Map.of("field", "interval"));
        }
        String type = Objects.requireNonNullElse(Fields.optString(body, "metric_type"), "requests");
        ServingHistory.Metric metric = ServingHistory.METRICS.get(type);
        if (metric == null) {
            throw ApiError.VALIDATION_ERROR.toException("unknown metric_type", Map.of("metric_type", type,
                    "allowed", new java.util.TreeSet<>(ServingHistory.METRICS.keySet())));
        }
        long step = Math.max(1, interval);
        return ServingHistory.chart(type, metric, stats.samples(ctx.company(), url, from * 1000, to * 1000 + 999),
                from, to, step, Fields.optBool(body, "instance_charts", true));
    }

    // ---- helpers

    /** The container as the body describes it (required: container_id, endpoint_name, model_name). */
    private static ServingContainer report(CallContext ctx, Instant registered, Instant now, long timeout,
                                           boolean withFigures) {
        ObjectNode body = ctx.body();
        String id = containerId(body);
        String endpoint = Fields.requireString(body, "endpoint_name");
        String model = Fields.requireString(body, "model_name");
        JsonNode reference = body.get("reference");
        if (reference != null && !reference.isNull() && !reference.isArray()) {
            throw Fields.wrongType("reference", "a list of {type, value}");
        }
        JsonNode machineStats = withFigures ? body.get("machine_stats") : null;
        if (machineStats != null && !machineStats.isNull() && !machineStats.isObject()) {
            throw Fields.wrongType("machine_stats", "an object");
        }
        return new ServingContainer(ctx.company(), id, endpoint, emptyToNull(Fields.optString(body, "endpoint_url")),
                model, Fields.optString(body, "model_source"), Fields.optString(body, "model_version"),
                Fields.optString(body, "preprocess_artifact"), Fields.optString(body, "input_type"),
                optLong(body, "input_size"), reference == null || reference.isNull() ? null : reference,
                ctx.clientIp(), registered, timeout, now, withFigures ? optLong(body, "uptime_sec") : null,
                withFigures ? optLong(body, "requests_num") : null,
                withFigures ? optDouble(body, "requests_min") : null,
                withFigures ? optLong(body, "latency_ms") : null, machineStats);
    }

    private static Map<String, Object> summary(List<ServingContainer> group) {
        ServingContainer first = group.get(0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("endpoint", first.endpointName());
        out.put("model", first.modelName());
        out.put("url", first.endpointUrl());
        out.put("instances", group.size());
        out.put("uptime_sec", max(group, ServingContainer::uptimeSec));
        out.put("requests", group.stream().map(ServingContainer::requestsNum).filter(Objects::nonNull)
                .mapToLong(Long::longValue).sum());
        out.put("requests_min", average(group, c -> c.requestsMin(), 100.0));
        Double latency = average(group, c -> c.latencyMs() == null ? null : c.latencyMs().doubleValue(), 1.0);
        out.put("latency_ms", latency == null ? null : latency.longValue());
        out.put("last_update", WireDates.format(group.stream().map(ServingContainer::lastActivity)
                .max(Instant::compareTo).orElseThrow()));
        return out;
    }

    private static Map<String, Object> modelInfo(ServingContainer c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("endpoint", c.endpointName());
        out.put("model", c.modelName());
        out.put("url", c.endpointUrl());
        out.put("model_source", c.modelSource());
        out.put("model_version", c.modelVersion());
        out.put("preprocess_artifact", c.preprocessArtifact());
        out.put("input_type", c.inputType());
        out.put("input_size", c.inputSize());
        return out;
    }

    private static Long max(List<ServingContainer> group, Function<ServingContainer, Long> field) {
        return group.stream().map(field).filter(Objects::nonNull).max(Long::compareTo).orElse(null);
    }

    /** The average of the values present, rounded to 1/{@code scale}; null when none. */
    private static Double average(List<ServingContainer> group, Function<ServingContainer, Double> field,
                                  double scale) {
        var values = group.stream().map(field).filter(Objects::nonNull).mapToDouble(Double::doubleValue);
        var average = values.average();
        return average.isPresent() ? Math.round(average.getAsDouble() * scale) / scale : null;
    }

    private static int count(JsonNode machineStats, String field) {
        JsonNode value = machineStats == null ? null : machineStats.get(field);
        return value == null || value.isNull() ? 0 : value.isArray() ? value.size() : 1;
    }

    private static String containerId(ObjectNode body) {
        String id = Fields.requireString(body, "container_id");
        if (id.isBlank()) {
            throw ApiError.INVALID_CONTAINER_ID.toException(Map.of("container_id", id));
        }
        return id;
    }

    private static long epoch(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw ApiError.MISSING_REQUIRED_FIELDS.toException(field + " is required", Map.of("field", field));
        }
        if (!node.isNumber()) {
            throw Fields.wrongType(field, "a number (epoch seconds)");
        }
        return node.asLong();
    }

    private static Long optLong(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw Fields.wrongType(field, "a number");
        }
        return node.asLong();
    }

    private static Double optDouble(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw Fields.wrongType(field, "a number");
        }
        return node.asDouble();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
