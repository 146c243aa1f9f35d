package io.xstore.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.xstore.server.api.TestApi.body;
import static io.xstore.server.api.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** serving.* over HTTP as clearml-serving calls it (docs/api/serving.md). */
class ServingIT extends ServerTestSupport {

    private TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(apiBaseUrl(), "/v2.31/");
    }

    private Map<String, Object> report(String container, String url, long requests, int latency) {
        return body("container_id", container, "endpoint_name", "ep", "model_name", "m1", "endpoint_url", url,
                "model_version", "1", "uptime_sec", 30, "requests_num", requests, "requests_min", 2.5,
                "latency_ms", latency, "machine_stats", body("cpu_usage", List.of(10, 30), "memory_used", 1024,
                        "memory_free", 1024), "reference", List.of(body("type", "model", "value", "abc")));
    }

    @Test
    void containersRegisterReportAndAreListedPerEndpoint() {
        String url = "http://serving/" + unique("ep");
        String loading = unique("c-loading");
        api.ok("serving.register_container", body("container_id", loading, "endpoint_name", "ep",
                "model_name", "m1", "timeout", 120));
        JsonNode instances = api.ok("serving.get_loading_instances", body()).get("instances");
        assertThat(instances.toString()).contains(loading);

        String a = unique("c-a");
        String b = unique("c-b");
        api.ok("serving.container_status_report", report(a, url, 10, 20));
        api.ok("serving.container_status_report", report(b, url, 5, 40));
        JsonNode endpoint = null;
        for (JsonNode e : api.ok("serving.get_endpoints", body()).get("endpoints")) {
            if (url.equals(e.get("url").asText())) {
                endpoint = e;
            }
        }
        assertThat(endpoint).isNotNull();
        assertThat(endpoint.get("instances").asInt()).isEqualTo(2);
        assertThat(endpoint.get("requests").asLong()).isEqualTo(15);
        assertThat(endpoint.get("latency_ms").asLong()).isEqualTo(30);
        assertThat(endpoint.get("requests_min").asDouble()).isEqualTo(2.5);

        JsonNode details = api.ok("serving.get_endpoint_details", body("endpoint_url", url));
        assertThat(details.get("instances")).hasSize(2);
        assertThat(details.get("instances").get(0).get("cpu_count").asInt()).isEqualTo(2);
        assertThat(details.get("model_version").asText()).isEqualTo("1");

        long now = Instant.now().getEpochSecond();
        JsonNode history = api.ok("serving.get_endpoint_metrics_history", body("endpoint_url", url,
                "from_date", now - 60, "to_date", now + 60, "interval", 60, "metric_type", "requests"));
        assertThat(history.get("total").get("values").toString()).contains("15");
        assertThat(history.get("instances").has(a)).isTrue();
        JsonNode latency = api.ok("serving.get_endpoint_metrics_history", body("endpoint_url", url,
                "from_date", now - 60, "to_date", now + 60, "interval", 60, "metric_type", "latency_ms",
                "instance_charts", false));
        assertThat(latency.get("total").get("values").toString()).contains("30");
        assertThat(latency.get("instances").size()).isZero();

        api.ok("serving.unregister_container", body("container_id", a));
        api.ok("serving.unregister_container", body("container_id", a));
        assertThat(api.ok("serving.get_endpoint_details", body("endpoint_url", url)).get("instances")).hasSize(1);
    }

    @Test
    void badInputIsAClientError() {
        api.error("serving.container_status_report", body("container_id", "c", "endpoint_name", "e",
                "model_name", "m"), 400, 12);
        api.error("serving.register_container", body("endpoint_name", "e", "model_name", "m"), 400, 12);
        api.error("serving.get_endpoint_details", body("endpoint_url", "http://nobody/here"), 400, 1052);
        long now = Instant.now().getEpochSecond();
        api.error("serving.get_endpoint_metrics_history", body("endpoint_url", "x", "from_date", now,
                "to_date", now - 10, "interval", 10), 400, 16);
        api.error("serving.get_endpoint_metrics_history", body("endpoint_url", "x", "from_date", now - 10,
                "to_date", now, "interval", 10, "metric_type", "nope"), 400, 12);
        api.error("serving.container_status_report", body("container_id", "c", "endpoint_name", "e",
                "model_name", "m", "endpoint_url", "u", "requests_num", "many"), 400, 12);
    }
}
