package io.xstore.server.rpc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyTest {

    @Test
    void queryStringValuesAreConvertedAndWinOverTheBody() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("expiration_sec", 5).put("keep", "x");
        Map<String, String[]> query = new LinkedHashMap<>();
        query.put("expiration_sec", new String[]{"3600"});
        query.put("ratio", new String[]{"0.5"});
        query.put("flag", new String[]{"True"});
        query.put("name", new String[]{"abc"});

        RequestBody.mergeQueryString(query, body);

        assertThat(body.get("expiration_sec").asLong()).isEqualTo(3600);
        assertThat(body.get("ratio").asDouble()).isEqualTo(0.5);
        assertThat(body.get("flag").booleanValue()).isTrue();
        assertThat(body.get("name").asText()).isEqualTo("abc");
        assertThat(body.get("keep").asText()).isEqualTo("x");
    }

    @Test
    void bracketedAndRepeatedKeysBecomeListsAndDottedKeysNest() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        Map<String, String[]> query = new LinkedHashMap<>();
        query.put("id[]", new String[]{"a"});
        query.put("status", new String[]{"created", "queued"});
        query.put("a.b", new String[]{"1"});

        RequestBody.mergeQueryString(query, body);

        assertThat(body.get("id").isArray()).isTrue();
        assertThat(body.get("id").get(0).asText()).isEqualTo("a");
        assertThat(body.get("status").size()).isEqualTo(2);
        assertThat(body.get("a").get("b").asInt()).isEqualTo(1);
    }
}
