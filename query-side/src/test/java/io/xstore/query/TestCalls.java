package io.xstore.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.protocol.ApiVersion;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Caller;

import java.time.Instant;

/** Hand-built call contexts for endpoint tests. */
public final class TestCalls {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final Caller CALLER = new Caller("u1", "User One", "c1", "Company One", "user");

    private TestCalls() {
    }

    public static CallContext call(String endpoint, String jsonBody) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(jsonBody.replace('\'', '"'));
            return new CallContext("call1", endpoint, new ApiVersion(2, 23), CALLER, body, null, "worker", "127.0.0.1",
                    Instant.now());
        } catch (Exception e) {
            throw new IllegalArgumentException(jsonBody, e);
        }
    }

    /** Serializes a response as the dispatcher would, for compact assertions. */
    public static String json(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
