package io.xstore.server.rpc;

import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class DispatcherIT extends ServerTestSupport {

    @Test
    void pingAnswersAnEnvelopeWithEveryMetaField() {
        ApiClient.Reply reply = new ApiClient(apiBaseUrl()).send("GET", "/debug.ping", null, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.meta().get("id").asText()).matches("[0-9a-f]{32}");
        assertThat(reply.meta().get("trx").asText()).isEqualTo(reply.meta().get("id").asText());
        assertThat(reply.meta().get("endpoint").get("name").asText()).isEqualTo("debug.ping");
        assertThat(reply.meta().get("endpoint").get("requested_version").asText()).isEqualTo("2.31");
        assertThat(reply.meta().get("endpoint").get("actual_version").asText()).isEqualTo("1.0");
        assertThat(reply.meta().get("result_msg").asText()).isEqualTo("OK");
        assertThat(reply.meta().has("error_stack")).isTrue();
        assertThat(reply.meta().get("error_data").isObject()).isTrue();
        assertThat(reply.data().get("msg").asText()).isEqualTo("ClearML server");
    }

    @Test
    void versionsAboveTheMaximumAreServed() {
        ApiClient.Reply reply = new ApiClient(apiBaseUrl()).send("POST", "/v999.0/server.info", "{}", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data().get("api_version").asText()).isEqualTo("2.31");
        assertThat(reply.meta().get("endpoint").get("requested_version").asText()).isEqualTo("999.0");
    }

    @Test
    void unknownEndpointIs404InTheEnvelope() {
        ApiClient.Reply reply = new ApiClient(apiBaseUrl()).call("/v2.23/tasks.no_such_action", "{}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.resultCode()).isEqualTo(404);
    }

    @Test
    void malformedJsonIsA400NotA500() {
        ApiClient.Reply reply = new ApiClient(apiBaseUrl()).call("/users.get_all", "{not json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.meta().get("result_msg").asText()).contains("Invalid JSON");
    }

    @Test
    void numberWhereAStringIsExpectedIs400Subcode12() {
        ApiClient.Reply reply = new ApiClient(apiBaseUrl()).call("/v2.23/tasks.create",
                "{\"name\": 12345, \"type\": \"training\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.subcode()).isEqualTo(12);
        assertThat(reply.meta().get("result_msg").asText()).contains("name");
    }

    @Test
    void trxHeaderIsEchoed() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(apiBaseUrl() + "/debug.ping"))
                        .header("X-ClearML-Trx", "my-trx").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).contains("\"trx\":\"my-trx\"");
    }

    @Test
    void gzipEncodedRequestBodiesAre415() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(apiBaseUrl() + "/debug.ping"))
                        .header("Content-Encoding", "gzip")
                        .POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
    }
}
