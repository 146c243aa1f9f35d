package io.xstore.protocol;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * ClearML's result codes and subcodes with their default messages. The message of an error is
 * {@code <default>[ (<extra>)][: key1=value1, key2=(a, b)]}; the same keys go to {@code meta.error_data}.
 */
public enum ApiError {
    BAD_REQUEST(400, 0, "Bad request"),
    NOT_SUPPORTED(400, 1, "Endpoint is not supported"),
    REQUEST_PATH_HAS_INVALID_VERSION(400, 2, "Request path has invalid version"),
    INVALID_HEADERS(400, 5, "Invalid headers"),
    IMPERSONATED_USER_NOT_FOUND(400, 6, "Impersonated user not found"),
    INVALID_ID(400, 10, "Invalid object id"),
    MISSING_REQUIRED_FIELDS(400, 11, "Missing required fields"),
    VALIDATION_ERROR(400, 12, "Validation error"),
    INVALID_FIELDS(400, 14, "Invalid fields"),
    FIELDS_CONFLICT(400, 15, "Conflicting fields"),
    FIELDS_VALUE_ERROR(400, 16, "Invalid value for fields"),
    BATCH_CONTAINS_NO_ITEMS(400, 17, "Batch request contains no items"),
    INVALID_REGEX_ERROR(400, 21, "Malformed regular expression"),
    INVALID_ACCESS_KEY(400, 75, "Access key not found for user"),
    INVALID_TASK_ID(400, 101, "Invalid task id"),
    INVALID_TASK_STATUS(400, 110, "Invalid task status"),
    FAILED_CHANGING_TASK_STATUS(400, 121, "Failed changing task status. probably someone changed it before you"),
    MISSING_TASK_FIELDS(400, 122, "Task is missing expected fields"),
    TASK_CANNOT_BE_DELETED(400, 123, "Task cannot be deleted"),
    TASK_PUBLISH_IN_PROGRESS(400, 129, "Task publish in progress"),
    EVENTS_NOT_ADDED(400, 131, "Events not added"),
    OPERATION_SUPPORTED_ON_REPORTS_ONLY(400, 150, "Passed task is not a report"),
    CANNOT_REMOVE_ALL_RUNS(400, 160, "At least one pipeline run should be left"),
    INVALID_MODEL_ID(400, 201, "Invalid model id"),
    MODEL_IS_READY(400, 203, "Model is ready"),
    MODEL_IN_USE(400, 205, "Model is used by tasks"),
    MODEL_CREATING_TASK_EXISTS(400, 206, "Model creating task exists"),
    INVALID_USER_ID(400, 301, "Invalid user id"),
    INVALID_PROJECT_ID(400, 401, "Invalid project id"),
    PROJECT_HAS_TASKS(400, 402, "Project has associated tasks"),
    PROJECT_NOT_FOUND(400, 403, "Project not found"),
    PROJECT_HAS_MODELS(400, 405, "Project has associated models"),
    DATASET_HAS_VERSIONS(400, 406, "Dataset project has non-archived versions"),
    INVALID_PROJECT_NAME(400, 407, "Invalid project name"),
    CANNOT_UPDATE_PROJECT_LOCATION(400, 408, "Cannot update project location. Use projects.move instead"),
    PROJECT_PATH_EXCEEDS_MAX(400, 409, "Project path exceed the maximum allowed depth"),
    PROJECT_SOURCE_AND_DESTINATION_ARE_THE_SAME(400, 410, "Project has the same source and destination paths"),
    PROJECT_CANNOT_BE_MOVED_UNDER_ITSELF(400, 411, "Project can not be moved under itself in the projects hierarchy"),
    PIPELINE_HAS_RUNS(400, 413, "Pipeline project has non-archived runs"),
    PUBLIC_PROJECT_EXISTS(400, 414, "A public project with this name already exists"),
    INVALID_QUEUE_ID(400, 701, "Invalid queue id"),
    QUEUE_NOT_EMPTY(400, 702, "Queue is not empty"),
    INVALID_QUEUE_OR_TASK_NOT_QUEUED(400, 703, "Invalid queue id or task not in queue"),
    TASK_ALREADY_QUEUED(400, 706, "Task already exists in target queue"),
    NO_DEFAULT_QUEUE(400, 707, "No queue is tagged as the default queue for this company"),
    MULTIPLE_DEFAULT_QUEUES(400, 708, "More than one queue is tagged as the default queue for this company"),
    DATA_VALIDATION_ERROR(400, 800, "Data validation error"),
    EXPECTED_UNIQUE_DATA(400, 801, "Value combination already exists (unique field already contains this value)"),
    INVALID_WORKER_ID(400, 1001, "Invalid worker id"),
    WORKER_REGISTRATION_FAILED(400, 1002, "Worker registration failed"),
    WORKER_NOT_REGISTERED(400, 1003, "Worker is not registered"),
    WORKER_STATS_NOT_FOUND(400, 1004, "Worker stats not found"),
    INVALID_CONTAINER_ID(400, 1050, "Invalid container id"),
    CONTAINER_NOT_REGISTERED(400, 1051, "Container is not registered"),
    NO_CONTAINERS_FOR_URL(400, 1052, "No container instances found for the endpoint url"),
    INVALID_SCROLL_ID(400, 1104, "Invalid scroll id"),
    ENDPOINT_NOT_SUPPORTED(301, 1, "This endpoint is no longer supported"),
    NOT_AUTHORIZED(401, 1, "Unauthorized (not authorized for endpoint)"),
    BAD_AUTH_TYPE(401, 10, "Unauthorized (bad authentication header type)"),
    NO_CREDENTIALS(401, 20, "Unauthorized (missing credentials)"),
    BAD_CREDENTIALS(401, 21, "Unauthorized (malformed credentials)"),
    INVALID_CREDENTIALS(401, 22, "Unauthorized (invalid credentials)"),
    INVALID_TOKEN(401, 30, "Invalid token"),
    ROLE_NOT_ALLOWED(403, 20, "Role not allowed"),
    NO_WRITE_PERMISSION(403, 21, "No write permission"),
    ENDPOINT_NOT_FOUND(404, 0, "Endpoint not found"),
    UNSUPPORTED_MEDIA_TYPE(415, 0, "Unsupported media type"),
    SERVICE_UNAVAILABLE(503, 0, "Service temporarily unavailable"),
    GENERAL_ERROR(500, 0, "General error"),
    INTERNAL_ERROR(500, 1, "Internal server error");

    private final int code;
    private final int subcode;
    private final String message;

    ApiError(int code, int subcode, String message) {
        this.code = code;
        this.subcode = subcode;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public int subcode() {
        return subcode;
    }

    public ApiException toException() {
        return toException(null, Map.of());
    }

    public ApiException toException(Map<String, ?> data) {
        return toException(null, data);
    }

    public ApiException toException(String extra) {
        return toException(extra, Map.of());
    }

    /** Builds the exception with ClearML's message format. */
    public ApiException toException(String extra, Map<String, ?> data) {
        StringBuilder text = new StringBuilder(message);
        if (extra != null && !extra.isEmpty()) {
            text.append(" (").append(extra).append(')');
        }
        Map<String, Object> values = new LinkedHashMap<>(data == null ? Map.of() : data);
        if (!values.isEmpty()) {
            text.append(": ").append(values.entrySet().stream()
                    .map(e -> e.getKey() + "=" + render(e.getValue()))
                    .collect(Collectors.joining(", ")));
        }
        return new ApiException(code, subcode, text.toString(), values);
    }

    private static String render(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
        }
        return String.valueOf(value);
    }
}
