package io.xstore.command.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.api.task.ArchiveTaskCommand;
import io.xstore.api.task.CheckReportCommand;
import io.xstore.api.task.CreateTaskCommand;
import io.xstore.api.task.DeleteTaskCommand;
import io.xstore.api.task.MoveTaskCommand;
import io.xstore.api.task.PublishTaskCommand;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.UnarchiveTaskCommand;
import io.xstore.api.task.UpdateReportCommand;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The write endpoints of the ClearML {@code reports} service (docs/api/reports.md). A report is a task of type
 * {@code report} with the system tags {@code reports} and {@code hidden}, kept in a hidden {@code .reports} project
 * under the project it belongs to; its markdown is the task's {@code report} field. Every change is a command to the
 * task aggregate, so a report's history is the task history.
 */
@Component
public class ReportsWriteEndpoints {

    static final String REPORTS_PROJECT = ".reports";
    static final List<String> REPORT_SYSTEM_TAGS = List.of("reports", "hidden");

    private final TaskCommandSender commands;
    private final ProjectDirectory projects;

    public ReportsWriteEndpoints(CommandGateway gateway, ObjectProvider<ProjectDirectory> projects) {
        this.commands = new TaskCommandSender(gateway);
        this.projects = projects.getIfAvailable(TaskWiringDefaults::projects);
    }

    @ApiEndpoint(value = "reports.create", since = "2.23")
    public Object create(CallContext ctx) {
        ObjectNode body = ctx.body();
        String name = Fields.requireString(body, "name");
        String project = reportsProject(projectName(Fields.optString(body, "project"), ctx), ctx);
        String id = TasksWriteEndpoints.newId();
        TaskContent content = new TaskContent(name, TaskTypes.REPORT, Fields.optString(body, "comment"), project,
                null, TaskRequests.stringList(body, "tags"), REPORT_SYSTEM_TAGS, null, null, null, null, null, null,
                null, null);
        commands.send(new CreateTaskCommand(id, content, ctx.audit()), ctx.company());
        String report = Fields.optString(body, "report");
        if (report != null) {
            commands.send(new UpdateReportCommand(id, null, null, null, report, ctx.audit()), ctx.company());
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", id);
        response.put("project_id", project);
        return response;
    }

    @ApiEndpoint(value = "reports.update", since = "2.23")
    public Object update(CallContext ctx) {
        ObjectNode body = ctx.body();
        String task = Fields.requireString(body, "task");
        String name = Fields.optString(body, "name");
        List<String> tags = TaskRequests.stringList(body, "tags");
        String comment = Fields.optString(body, "comment");
        String report = Fields.optString(body, "report");
        boolean changed = commands.send(new UpdateReportCommand(task, name, tags, comment, report, ctx.audit()),
                ctx.company());
        Map<String, Object> fields = new LinkedHashMap<>();
        putIfSet(fields, "name", name);
        putIfSet(fields, "tags", tags == null ? null : tags.stream().sorted().toList());
        putIfSet(fields, "comment", comment);
        putIfSet(fields, "report", report == null ? null : shortened(report));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("updated", changed ? 1 : 0);
        response.put("fields", fields);
        return response;
    }

    @ApiEndpoint(value = "reports.move", since = "2.23")
    public Object move(CallContext ctx) {
        ObjectNode body = ctx.body();
        String task = Fields.requireString(body, "task");
        String projectName = Fields.optString(body, "project_name");
        if (!body.has("project") && (projectName == null || projectName.isBlank())) {
            throw ApiError.MISSING_REQUIRED_FIELDS.toException("project or project_name is required");
        }
        check(task, ctx);
        String base = projectName != null && !projectName.isBlank() ? projectName
                : projectName(Fields.optString(body, "project"), ctx);
        String target = reportsProject(base, ctx);
        commands.send(new MoveTaskCommand(task, target, ctx.audit()), ctx.company());
        return Map.of("project_id", target);
    }

    @ApiEndpoint(value = "reports.publish", since = "2.23")
    public Object publish(CallContext ctx) {
        ObjectNode body = ctx.body();
        String task = Fields.requireString(body, "task");
        check(task, ctx);
        StatusOutcome outcome = commands.send(new PublishTaskCommand(task, true, "", message(body), ctx.audit()),
                ctx.company());
        return TaskResponses.updated(TaskResponses.statusFields(outcome.changes().get(outcome.changes().size() - 1)));
    }

    @ApiEndpoint(value = "reports.archive", since = "2.23")
    public Object archive(CallContext ctx) {
        String task = Fields.requireString(ctx.body(), "task");
        check(task, ctx);
        commands.send(new ArchiveTaskCommand(task, "", message(ctx.body()), ctx.audit()), ctx.company());
        return Map.of("archived", 1);
    }

    @ApiEndpoint(value = "reports.unarchive", since = "2.23")
    public Object unarchive(CallContext ctx) {
        String task = Fields.requireString(ctx.body(), "task");
        check(task, ctx);
        commands.send(new UnarchiveTaskCommand(task, "", message(ctx.body()), ctx.audit()), ctx.company());
        return Map.of("unarchived", 1);
    }

    /** Only a created or archived report, unless force (400/123). */
    @ApiEndpoint(value = "reports.delete", since = "2.23")
    public Object delete(CallContext ctx) {
        ObjectNode body = ctx.body();
        String task = Fields.requireString(body, "task");
        check(task, ctx);
        commands.send(new DeleteTaskCommand(task, Fields.optBool(body, "force", false), true, ctx.audit()),
                ctx.company());
        return Map.of("deleted", 1);
    }

    /** 400/101 unless a task of the caller's company, 400/150 unless a report. */
    private void check(String task, CallContext ctx) {
        commands.send(new CheckReportCommand(task, ctx.audit()), ctx.company());
    }

    /** The name of the project a report goes under: "" (top level) when none; 400/401 for an unknown one. */
    private String projectName(String project, CallContext ctx) {
        if (project == null || project.isEmpty()) {
            return "";
        }
        return projects.nameOf(project, ctx.company())
                .orElseThrow(() -> TaskErrors.invalidProject(project));
    }

    /** The hidden {@code .reports} project under {@code name} (or at the top), created when missing. */
    private String reportsProject(String name, CallContext ctx) {
        String clean = name.strip().replaceAll("^/+|/+$", "");
        String full = clean.isEmpty() ? REPORTS_PROJECT
                : clean.endsWith("/" + REPORTS_PROJECT) || clean.equals(REPORTS_PROJECT) ? clean
                : clean + "/" + REPORTS_PROJECT;
        return projects.findOrCreate(full, REPORT_SYSTEM_TAGS, ctx.audit());
    }

    /** The status message of publish/archive: the request's {@code message}, else its {@code comment}. */
    private static String message(ObjectNode body) {
        String message = Fields.optString(body, "message");
        return message != null ? message : Objects.requireNonNullElse(Fields.optString(body, "comment"), "");
    }

    /** The markdown in an update response, cut to about 100 characters. */
    static String shortened(String report) {
        String flat = report.replaceAll("\\s+", " ").strip();
        return flat.length() <= 100 ? flat : flat.substring(0, 95) + " [...]";
    }

    private static void putIfSet(Map<String, Object> fields, String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
