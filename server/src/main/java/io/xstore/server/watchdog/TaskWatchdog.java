package io.xstore.server.watchdog;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.xstore.api.AuditEntry;
import io.xstore.api.NewIds;
import io.xstore.api.task.MarkTaskStoppedCommand;
import io.xstore.readmodel.Collections;
import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.bson.conversions.Bson;
import io.xstore.migration.ops.imports.ClearmlImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops tasks that went silent (docs/api/workers.md, "Watchdog"): every {@code xstore.watchdog.interval} it looks in
 * the tasks read model for tasks {@code in_progress} whose {@code last_update} (any change, ping or worker report) is
 * older than {@code xstore.watchdog.timeout}, and stops each with a task command from the system actor, so the stop
 * is an ordinary {@code TaskStoppedEvent} in the task's history with a {@code status_reason} saying why. It keeps no
 * state of its own, so a restart changes nothing.
 */
@Component
public class TaskWatchdog {

    static final String REASON = "Forced stop (non-responsive)";
    private static final Logger log = LoggerFactory.getLogger(TaskWatchdog.class);

    private final CommandGateway commands;
    private final MongoCollection<Document> tasks;
    private final Duration timeout;
    private final Duration interval;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService scheduler;

    public TaskWatchdog(CommandGateway commands, MongoDatabase database,
                        @Value("${xstore.watchdog.timeout:7200s}") Duration timeout,
                        @Value("${xstore.watchdog.interval:60s}") Duration interval) {
        this.commands = commands;
        this.tasks = database.getCollection(Collections.TASKS);
        this.timeout = timeout;
        this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        if (scheduler != null || timeout.isZero() || timeout.isNegative()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "task-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::safeRun, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("Task watchdog: tasks in_progress without an update for {} are stopped (checked every {})",
                timeout, interval);
    }

    @PreDestroy
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    private void safeRun() {
        if (ClearmlImport.inProgress()) {
            return; // imported tasks pass through in_progress at their old start times on the way to their status
        }
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("task watchdog run failed: {}", e.toString());
        }
    }

    /** One pass; answers the ids of the tasks it stopped. */
    public List<String> run() {
        return stopSilent(Filters.empty());
    }

    /** One pass over the silent tasks that also match {@code scope}; answers the ids of the tasks it stopped. */
    public List<String> stopSilent(Bson scope) {
        Instant now = clock.instant();
        Date cutoff = Date.from(now.minus(timeout));
        List<Document> silent = new ArrayList<>();
        tasks.find(Filters.and(Filters.eq("status", "in_progress"), Filters.lt("last_update", cutoff), scope))
                .projection(Projections.include("_id", "company", "last_update")).into(silent);
        List<String> stopped = new ArrayList<>();
        for (Document task : silent) {
            String id = task.getString("_id");
            String company = task.getString("company") == null ? "" : task.getString("company");
            long silentFor = Duration.between(task.getDate("last_update").toInstant(), now).toSeconds();
            AuditEntry system = AuditEntry.system(company, now,
                    "watchdog-" + NewIds.hex());
            try {
                commands.sendAndWait(new MarkTaskStoppedCommand(id, false, REASON,
                        "no update for " + silentFor + " s (xstore.watchdog.timeout " + timeout.toSeconds() + " s)",
                        system));
                stopped.add(id);
                log.info("Watchdog stopped task {}: no update for {} s", id, silentFor);
            } catch (RuntimeException e) {
                log.info("Watchdog could not stop task {}: {}", id, e.getMessage());
            }
        }
        return stopped;
    }
}
