package io.xstore.command.task;

import io.xstore.protocol.ApiError;

import java.util.Set;

/** The task types ClearML accepts; anything else is a 400/12. */
public final class TaskTypes {

    public static final String REPORT = "report";
    public static final String CONTROLLER = "controller";

    static final Set<String> ALL = Set.of("training", "testing", "inference", "data_processing", "application",
            "monitor", "controller", "optimizer", "service", "qc", "custom", "report");

    private TaskTypes() {
    }

    static void check(String type) {
        if (!ALL.contains(type)) {
            throw ApiError.VALIDATION_ERROR.toException("invalid task type",
                    TaskErrors.data("type", type));
        }
    }
}
