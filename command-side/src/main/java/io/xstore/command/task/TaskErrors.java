package io.xstore.command.task;

import io.xstore.api.task.TaskStatus;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;

import java.util.LinkedHashMap;
import java.util.Map;

/** The task errors with ClearML's wording; error data keeps the order of the reference messages. */
final class TaskErrors {

    private TaskErrors() {
    }

    static ApiException invalidTaskId(String id, String company) {
        return ApiError.INVALID_TASK_ID.toException(data("id", id, "company", company));
    }

    static ApiException invalidParent(String parent) {
        return ApiError.INVALID_TASK_ID.toException("invalid parent", data("parent", parent));
    }

    static ApiException invalidProject(String project) {
        return ApiError.INVALID_PROJECT_ID.toException(data("id", project));
    }

    static ApiException expectedStatus(String expected, TaskStatus actual) {
        return ApiError.INVALID_TASK_STATUS.toException(data("expected", expected, "status", actual.wire()));
    }

    static ApiException validation(String message, Object... keyValues) {
        return ApiError.VALIDATION_ERROR.toException(message, data(keyValues));
    }

    static Map<String, Object> data(Object... keyValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            data.put(String.valueOf(keyValues[i]), keyValues[i + 1] == null ? "None" : keyValues[i + 1]);
        }
        return data;
    }
}
