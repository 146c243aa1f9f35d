package io.xstore.command.task;

import io.xstore.api.AuditEntry;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskCreatedEvent;
import io.xstore.api.task.TaskModels;
import io.xstore.api.task.TaskStatus;
import io.xstore.api.task.TaskStartedEvent;
import io.xstore.api.task.TaskStatusEvent;
import io.xstore.api.task.TaskStatusSetEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Ids, callers and ready-made events shared by the task tests. */
final class TaskTestData {

    static final String TASK = "0123456789abcdef0123456789abcdef";
    static final String COMPANY = "company1";
    static final String PROJECT = "project1";
    static final Instant T0 = Instant.parse("2025-01-13T16:32:13.123Z");
    static final Instant T1 = Instant.parse("2025-01-13T16:42:13.123Z");
    static final AuditEntry AUDIT = new AuditEntry("user1", "Jane", COMPANY, T0, "call0");
    static final AuditEntry LATER = new AuditEntry("user1", "Jane", COMPANY, T1, "call1");
    static final AuditEntry OTHER_COMPANY = new AuditEntry("user2", "Eve", "company2", T1, "call2");

    private TaskTestData() {
    }

    /** What tasks.create sends for the SDK's Task.init (docs/api/tasks.md). */
    static TaskContent sdkCreate() {
        return new TaskContent("demo", "training", "Auto-generated", PROJECT, null, null, List.of("development"),
                null, null, null, null, null, null, null, null);
    }

    /** The created event of {@link #sdkCreate()} with every default filled in. */
    static TaskCreatedEvent created() {
        return new TaskCreatedEvent(TASK, withDefaults(sdkCreate()), null, AUDIT);
    }

    /** An agent-style task (no development tag) that has a script. */
    static TaskCreatedEvent createdWithScript() {
        TaskContent c = sdkCreate();
        return new TaskCreatedEvent(TASK, withDefaults(new TaskContent(c.name(), c.type(), c.comment(), c.project(),
                null, null, null, Map.of("binary", "python", "repository", "git@x", "branch", "main"),
                null, null, null, null, null, null, null)), null, AUDIT);
    }

    static TaskContent withDefaults(TaskContent c) {
        return new TaskContent(c.name(), c.type(), c.comment() == null ? "" : c.comment(), c.project(), c.parent(),
                c.tags() == null ? List.of() : c.tags(), c.systemTags() == null ? List.of() : c.systemTags(),
                c.script(), c.execution() == null ? Map.of() : c.execution(),
                c.hyperparams() == null ? Map.of() : c.hyperparams(),
                c.configuration() == null ? Map.of() : c.configuration(),
                c.models() == null ? TaskModels.empty() : c.models(),
                c.container() == null ? Map.of() : c.container(), c.runtime() == null ? Map.of() : c.runtime(),
                c.output() == null ? Map.of() : c.output());
    }

    static TaskStatusEvent statusChanged(TaskStatus from, TaskStatus to) {
        return to == TaskStatus.IN_PROGRESS ? new TaskStartedEvent(TASK, from, "", "", true, AUDIT)
                : new TaskStatusSetEvent(TASK, from, to, "", "", 0, true, AUDIT);
    }

    static TaskStartedEvent started() {
        return new TaskStartedEvent(TASK, TaskStatus.CREATED, "", "", false, AUDIT);
    }
}
