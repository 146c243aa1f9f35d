package io.xstore.protocol;

import java.util.Map;

/** A ClearML error: becomes an envelope with this result code, subcode, message and error data. */
public class ApiException extends RuntimeException {

    private final int code;
    private final int subcode;
    private final Map<String, Object> data;

    public ApiException(int code, int subcode, String message, Map<String, Object> data) {
        super(message, null, false, false);
        this.code = code;
        this.subcode = subcode;
        this.data = data == null ? Map.of() : data;
    }

    public int code() {
        return code;
    }

    public int subcode() {
        return subcode;
    }

    public Map<String, Object> data() {
        return data;
    }
}
