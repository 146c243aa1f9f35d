package io.xstore.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xstore.server.ServerTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackingServicesHealthIT extends ServerTestSupport {

    @Test
    void readinessReportsEveryBackingServiceUp() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(apiBaseUrl() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode components = new ObjectMapper().readTree(response.body()).path("components");
        for (String service : new String[] {"mongo", "elasticsearch", "kafka"}) {
            assertThat(components.path(service).path("status").asText()).as(service + " in " + response.body())
                    .isEqualTo("UP");
        }
    }
}
