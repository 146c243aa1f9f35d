package io.xstore.command.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.protocol.ApiException;
import io.xstore.protocol.ApiVersion;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Caller;

import java.time.Instant;
import java.util.UUID;

/** Builds the {@link CallContext} an endpoint method receives, from a JSON body. */
public final class TestCalls {

    public static final String COMPANY = "company-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestCalls() {
    }

    public static CallContext call(String endpoint, String json) {
        return call(endpoint, json, COMPANY);
    }

    public static CallContext call(String endpoint, String json, String company) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(json.replace('\'', '"'));
            return new CallContext(UUID.randomUUID().toString().replace("-", ""), endpoint, ApiVersion.MAX,
                    new Caller("user-1", "User", company, "clearml", "user"), body, null, "worker", "127.0.0.1",
                    Instant.now());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The subcode of the {@link ApiException} the call throws; fails when it throws none. */
    public static int subcode(Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e.subcode();
        }
        throw new AssertionError("no ApiException");
    }

    /** The response rendered as JSON, to compare shapes. */
    public static String json(Object response) {
        try {
            return JSON.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
