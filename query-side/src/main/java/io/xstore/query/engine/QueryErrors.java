package io.xstore.query.engine;

import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The 400-class errors a malformed query produces, with ClearML's codes. */
public final class QueryErrors {

    private QueryErrors() {
    }

    /** 400/14: a field in only_fields/order_by that the entity does not have. */
    public static ApiException invalidFields(Collection<String> fields, String entity) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("fields", fields);
        data.put("object", entity);
        return ApiError.INVALID_FIELDS.toException(data);
    }

    /** 400/16: a filter value or operator that cannot be used. */
    public static ApiException fieldsValue(String extra, Map<String, ?> data) {
        return ApiError.FIELDS_VALUE_ERROR.toException(extra, data);
    }

    /** 400/12: a request value of the wrong shape. */
    public static ApiException validation(String extra, Map<String, ?> data) {
        return ApiError.VALIDATION_ERROR.toException(extra, data);
    }

    /** 400/21: a pattern that is not a valid regular expression. */
    public static ApiException invalidRegex(String pattern, String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pattern", pattern);
        data.put("error", reason);
        return ApiError.INVALID_REGEX_ERROR.toException(data);
    }
}
