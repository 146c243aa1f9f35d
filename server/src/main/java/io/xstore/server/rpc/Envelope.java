package io.xstore.server.rpc;

import java.util.LinkedHashMap;
import java.util.Map;

/** The ClearML response envelope: {@code {"meta": {...}, "data": {...}}}. */
record Envelope(Map<String, Object> meta, Object data) {

    static Envelope of(String callId, String trx, String endpoint, String requestedVersion, String actualVersion,
                       int code, int subcode, String message, Map<String, Object> errorData, Object data) {
        Map<String, Object> endpointInfo = new LinkedHashMap<>();
        endpointInfo.put("name", endpoint);
        endpointInfo.put("requested_version", requestedVersion);
        endpointInfo.put("actual_version", actualVersion);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("id", callId);
        meta.put("trx", trx);
        meta.put("endpoint", endpointInfo);
        meta.put("result_code", code);
        meta.put("result_subcode", subcode);
        meta.put("result_msg", message);
        meta.put("error_stack", null);
        meta.put("error_data", errorData);
        return new Envelope(meta, data == null ? Map.of() : data);
    }
}
