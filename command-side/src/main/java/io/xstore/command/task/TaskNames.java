package io.xstore.command.task;

import io.xstore.protocol.ApiError;

/** Task names are stored trimmed and must keep at least 3 characters (400/800, as a DB validation error). */
final class TaskNames {

    private TaskNames() {
    }

    static String check(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.length() < 3) {
            throw ApiError.DATA_VALIDATION_ERROR.toException("name must be at least 3 characters long",
                    TaskErrors.data("name", name));
        }
        return trimmed;
    }
}
