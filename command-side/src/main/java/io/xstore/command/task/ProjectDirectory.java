package io.xstore.command.task;

import io.xstore.api.AuditEntry;

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
}
