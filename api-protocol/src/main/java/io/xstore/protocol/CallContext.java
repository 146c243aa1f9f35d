package io.xstore.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.api.AuditEntry;

import java.time.Instant;
import java.util.List;

/**
 * Everything an endpoint method may need about the call it serves.
 *
 * @param body    the request object (JSON body merged with query-string parameters); never null
 * @param batch   the lines of an {@code application/json-lines} body, or null for a plain JSON body
 * @param version the requested API version, e.g. 2.23 (the server's max when the path had none)
 */
public record CallContext(String callId, String endpoint, ApiVersion version, Caller caller, ObjectNode body,
                          List<JsonNode> batch, String worker, String clientIp, Instant receivedAt) {

    public AuditEntry audit() {
        return new AuditEntry(caller.userId(), caller.userName(), caller.companyId(), receivedAt, callId);
    }

    public String company() {
        return caller.companyId();
    }

    /** The same call with another body: one endpoint serving its request through other endpoints' methods. */
    public CallContext withBody(ObjectNode otherBody) {
        return new CallContext(callId, endpoint, version, caller, otherBody, null, worker, clientIp, receivedAt);
    }
}
