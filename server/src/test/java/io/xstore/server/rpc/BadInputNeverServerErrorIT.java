package io.xstore.server.rpc;

import io.xstore.server.ApiClient;
import io.xstore.server.ServerTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK retries every answer above 500 forever, so a client's mistake must never get one: every registered
 * endpoint is called with an empty body and with fields of the wrong types.
 */
class BadInputNeverServerErrorIT extends ServerTestSupport {

    private static final List<String> BAD_BODIES = List.of(
            "{}",
            """
            {"task": {"a": 1}, "tasks": "x", "ids": 5, "id": {"x": 1}, "name": 12, "project": [], "projects": 7,
             "model": true, "models": "m", "page": "x", "page_size": -3, "only_fields": 3, "order_by": {},
             "status": {}, "tags": 1, "system_tags": {}, "hyperparams": "h", "configuration": [1],
             "artifacts": {"k": 1}, "force": "maybe", "type": 99, "queue": [], "scroll_id": 5, "size": "big",
             "preferences": 1, "metadata": "x", "requirements": [], "iteration": "ten", "user": [], "token": 1,
             "access_key": {}, "label": [], "parent": {}, "uri": 3, "new_task_name": [], "filters": "f",
             "_any_": 1, "search_text": {}, "include_stats": "yes", "expiration_sec": "soon"}
            """,
            """
            {"task": "0000", "tasks": ["0000"], "ids": ["0000"], "name": "x", "project": "0000", "model": "0000",
             "type": "not-a-type", "only_fields": ["no_such_field"], "order_by": ["-no_such"], "page": 0,
             "page_size": 1000000, "name": "(unclosed", "scroll_id": "nonsense", "size": 0}
            """);

    @Autowired
    EndpointRegistry registry;

    @Test
    void noEndpointAnswersAServerErrorToBadInput() {
        ApiClient api = new ApiClient(apiBaseUrl());
        List<String> failures = new ArrayList<>();
        Set<String> skipped = Set.of("login.logout");
        for (String endpoint : new TreeSet<>(registry.names())) {
            if (skipped.contains(endpoint)) {
                continue;
            }
            for (String body : BAD_BODIES) {
                ApiClient.Reply reply = api.call("/v2.23/" + endpoint, body);
                if (reply.status() >= 500) {
                    failures.add(endpoint + " " + reply.status() + " " + reply.meta().get("result_msg").asText()
                            + " for " + body.replaceAll("\\s+", " ").substring(0, Math.min(60, body.length())));
                }
            }
        }
        // the bodies above are accepted by users.update too: give the shared test user its name back, so the tests
        // after this one (and the web app's screenshots) do not show it renamed "(unclosed"
        ApiClient.Reply restored = api.call("/v2.23/users.update", Map.of("name", "tests"));
        assertThat(restored.status()).isEqualTo(200);
        assertThat(failures).isEmpty();
    }
}
