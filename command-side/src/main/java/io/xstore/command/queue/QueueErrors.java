package io.xstore.command.queue;

import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;

import java.util.LinkedHashMap;
import java.util.Map;

/** The ClearML errors of the queues service (docs/api/queues.md, "Errors"). */
public final class QueueErrors {

    private QueueErrors() {
    }

    public static ApiException invalidQueueId(String id) {
        return ApiError.INVALID_QUEUE_ID.toException(data("queue", id));
    }

    static ApiException notQueued(String queue, String task) {
        return ApiError.INVALID_QUEUE_OR_TASK_NOT_QUEUED.toException(data("queue", queue, "task", task));
    }

    static ApiException alreadyQueued(String queue, String task) {
        return ApiError.TASK_ALREADY_QUEUED.toException(data("queue", queue, "task", task));
    }

    static ApiException notEmpty(String queue, int entries) {
        return ApiError.QUEUE_NOT_EMPTY.toException("use force=true to delete a queue with entries",
                data("queue", queue, "entries", entries));
    }

    public static ApiException duplicateName(String name) {
        return ApiError.EXPECTED_UNIQUE_DATA.toException("a queue with this name exists", data("name", name));
    }

    static String checkName(String name) {
        if (name == null || name.trim().length() < 3) {
            throw ApiError.VALIDATION_ERROR.toException("queue name must be at least 3 characters",
                    data("name", String.valueOf(name)));
        }
        return name.trim();
    }

    static Map<String, Object> data(Object... keyValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            data.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        return data;
    }
}
