package io.xstore.query.projects;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.xstore.protocol.WireDates;
import io.xstore.query.ProjectNode;
import io.xstore.query.ProjectTree;
import io.xstore.query.ReadRequests;
import io.xstore.query.engine.FilterBuilder;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code stats} of projects.get_all_ex (docs/api/projects.md), computed from the task read model: per project (with
 * its subprojects unless asked otherwise) and per state ({@code active}: not archived, {@code archived}), the count of
 * tasks in every status, their total run time in seconds (completed − started), the tasks completed in the last 24
 * hours (not queued/running/failed) and the latest start time.
 */
@Component
public class ProjectStatsCalculator {

    static final List<String> STATUSES = List.of("created", "queued", "in_progress", "stopped", "publishing",
            "published", "closed", "failed", "completed", "unknown");
    private static final Set<String> NOT_COMPLETED = Set.of("queued", "in_progress", "failed");

    private final MongoDatabase db;
    private final Clock clock;

    @Autowired
    public ProjectStatsCalculator(MongoDatabase db) {
        this(db, Clock.systemUTC());
    }

    ProjectStatsCalculator(MongoDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What to count: which states to report, whether to add subprojects, and which tasks. */
    public record Request(String company, Collection<String> projectIds, String state, boolean withChildren,
                          boolean searchHidden, Bson taskFilter, Collection<String> users, Set<String> allowedIds) {
    }

    /** Stats and sub-project lists per requested project id. */
    public record Result(Map<String, Map<String, Object>> stats, Map<String, List<Map<String, Object>>> children) {
    }

    public Result compute(Request request, ProjectTree tree) {
        Map<String, List<ProjectNode>> children = ProjectChildren.of(request.projectIds(), tree,
                request.withChildren(), request.searchHidden(), request.allowedIds());
        Set<String> allIds = new LinkedHashSet<>(request.projectIds());
        children.values().forEach(list -> list.forEach(p -> allIds.add(p.id())));

        Map<String, Totals[]> perProject = new HashMap<>();
        long dayAgo = clock.millis() - 24L * 3600 * 1000;
        List<Bson> filter = new ArrayList<>(List.of(Filters.in("company", request.company(), ""),
                Filters.in("project", allIds)));
        if (request.users() != null) {
            filter.add(Filters.in("user", request.users()));
        }
        filter.add(request.taskFilter());
        db.getCollection(Collections.TASKS).find(FilterBuilder.and(filter))
                .projection(Projections.include("project", "status", "system_tags", "started", "completed"))
                .forEach(task -> {
                    Totals[] totals = perProject.computeIfAbsent(task.getString("project"),
                            k -> new Totals[] {new Totals(), new Totals()});
                    totals[isArchived(task) ? 1 : 0].add(task, dayAgo);
                });

        Map<String, Map<String, Object>> stats = new LinkedHashMap<>();
        for (String pid : request.projectIds()) {
            Totals active = new Totals();
            Totals archived = new Totals();
            List<String> relevant = new ArrayList<>(List.of(pid));
            children.getOrDefault(pid, List.of()).forEach(p -> relevant.add(p.id()));
            for (String id : relevant) {
                Totals[] totals = perProject.get(id);
                if (totals != null) {
                    active.merge(totals[0]);
                    archived.merge(totals[1]);
                }
            }
            Map<String, Object> projectStats = new LinkedHashMap<>();
            if (request.state() == null || request.state().equals("active")) {
                projectStats.put("active", active.toWire());
            }
            if (request.state() == null || request.state().equals("archived")) {
                projectStats.put("archived", archived.toWire());
            }
            stats.put(pid, projectStats);
        }
        return new Result(stats, ProjectChildren.asWire(request.projectIds(), children));
    }

    private static boolean isArchived(Document task) {
        return task.get("system_tags") instanceof List<?> tags && tags.contains(ReadRequests.ARCHIVED);
    }

    /** Running sums for one project and state. */
    private static final class Totals {
        private final Map<String, Integer> statusCount = new HashMap<>();
        private long runtime;
        private int completed24h;
        private Date lastStarted;

        void add(Document task, long dayAgo) {
            String status = Objects.requireNonNullElse(task.getString("status"), "unknown");
            statusCount.merge(status, 1, Integer::sum);
            Date started = task.getDate("started");
            Date completed = task.getDate("completed");
            if (started != null && completed != null && completed.after(started)) {
                runtime += (completed.getTime() - started.getTime()) / 1000;
            }
            if (completed != null && completed.getTime() > dayAgo && !NOT_COMPLETED.contains(status)) {
                completed24h++;
            }
            if (started != null && (lastStarted == null || started.after(lastStarted))) {
                lastStarted = started;
            }
        }

        void merge(Totals other) {
            other.statusCount.forEach((k, v) -> statusCount.merge(k, v, Integer::sum));
            runtime += other.runtime;
            completed24h += other.completed24h;
            if (other.lastStarted != null && (lastStarted == null || other.lastStarted.after(lastStarted))) {
                lastStarted = other.lastStarted;
            }
        }

        Map<String, Object> toWire() {
            Map<String, Object> counts = new LinkedHashMap<>();
            STATUSES.forEach(s -> counts.put(s, statusCount.getOrDefault(s, 0)));
            statusCount.keySet().stream().filter(s -> !counts.containsKey(s)).sorted(Comparator.naturalOrder())
                    .forEach(s -> counts.put(s, statusCount.get(s)));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status_count", counts);
            out.put("total_tasks", counts.values().stream().mapToInt(v -> (Integer) v).sum());
            out.put("total_runtime", runtime);
            out.put("completed_tasks_24h", completed24h);
            out.put("last_task_run", lastStarted == null ? null : WireDates.format(lastStarted));
            return out;
        }
    }
}
