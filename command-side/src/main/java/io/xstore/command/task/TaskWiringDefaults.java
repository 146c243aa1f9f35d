package io.xstore.command.task;

import io.xstore.api.AuditEntry;
import io.xstore.protocol.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stand-ins used only while the server has not wired the project side in. */
final class TaskWiringDefaults {

    private static final Logger LOG = LoggerFactory.getLogger(TaskWiringDefaults.class);

    private TaskWiringDefaults() {
    }

    static ProjectDirectory projects() {
        LOG.warn("No ProjectDirectory bean: task project references are not checked");
        return new ProjectDirectory() {
            @Override
            public boolean exists(String projectId, String company) {
                return true;
            }

            @Override
            public String findOrCreate(String name, AuditEntry audit) {
                throw ApiError.NOT_SUPPORTED.toException("projects by name are not available");
            }
        };
    }
}
