package io.xstore.command.task;

import io.xstore.api.AuditEntry;

import java.util.List;
import java.util.Optional;

/**
 * What the task side needs to know about projects, without depending on the project aggregate. The server wires an
 * implementation backed by the project side.
 */
public interface ProjectDirectory {

    /** Whether the project exists and the company may put tasks in it (its own or a public project). */
    boolean exists(String projectId, String company);

    /**
     * The id of the project with this full name in the caller's company, creating it (and its missing ancestors)
     * if needed; used by tasks.move {project_name} and tasks.clone {new_project_name}.
     */
    String findOrCreate(String name, AuditEntry audit);

    /** The full name of a project the company may use (its own or public), if any. */
    default Optional<String> nameOf(String projectId, String company) {
        return Optional.empty();
    }

    /**
     * Like {@link #findOrCreate(String, AuditEntry)}, but a project created here gets {@code systemTags} (the hidden
     * {@code .reports} projects of reports.create, docs/api/reports.md).
     */
    default String findOrCreate(String name, List<String> systemTags, AuditEntry audit) {
        return findOrCreate(name, audit);
    }
}
