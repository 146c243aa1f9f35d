package io.xstore.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Looks for every acknowledged write of a {@link WriteLoad} on a restarted server: the task in its read model
 * ({@code tasks.get_by_id}) with its last acknowledged comment and status, its history in the event store
 * ({@code history.get_task}), and its acknowledged scalar iterations in Elasticsearch
 * ({@code events.scalar_metrics_iter_raw}). Metric events reach Elasticsearch through Kafka after the restart, so
 * their check is repeated until {@code eventsPatience} runs out.
 */
final class DurabilityCheck {

    private final HarnessApi api;

    DurabilityCheck(HarnessApi api) {
        this.api = api;
    }

    /** One acknowledged write not found; {@code kind} is task, edit, started, history or events. */
    record Loss(String kind, String task, String detail) {
    }

    /** The losses, and how long the acknowledged metric events took to be all visible after the check began. */
    record Result(List<Loss> losses, Duration eventsVisibleAfter) {
    }

    Result check(List<TaskLedger> tasks, Duration eventsPatience) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        List<Loss> losses = new ArrayList<>();
        for (TaskLedger task : tasks) {
            checkReadModel(task, losses);
            checkHistory(task, losses);
        }
        List<TaskLedger> pending = new ArrayList<>(tasks.stream().filter(t -> !t.ackedIters().isEmpty()).toList());
        long deadline = System.nanoTime() + eventsPatience.toNanos();
        Map<String, NavigableSet<Long>> missing = missingIters(pending);
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            java.util.Set<String> stillMissing = missing.keySet();
            pending.removeIf(t -> !stillMissing.contains(t.id()));
            missing = missingIters(pending);
        }
        missing.forEach((task, iters) -> losses.add(new Loss("events", task, "iterations " + iters)));
        return new Result(losses, Duration.ofNanos(System.nanoTime() - begin));
    }

    private void checkReadModel(TaskLedger task, List<Loss> losses) throws IOException {
        HarnessApi.Reply reply = call("tasks.get_by_id", Map.of("task", task.id()));
        if (!reply.ok()) {
            losses.add(new Loss("task", task.id(), "tasks.get_by_id answered " + reply.status() + " "
                    + reply.body().path("meta").path("result_msg").asText()));
            return;
        }
        JsonNode stored = reply.data().path("task");
        String comment = stored.path("comment").asText(null);
        if (!task.commentAcceptable(comment)) {
            losses.add(new Loss("edit", task.id(), "comment " + comment + ", last acknowledged "
                    + task.lastAckedComment()));
        }
        if (task.isStartAcked() && !"in_progress".equals(stored.path("status").asText())) {
            losses.add(new Loss("started", task.id(), "status " + stored.path("status").asText()));
        }
    }

    private void checkHistory(TaskLedger task, List<Loss> losses) throws IOException {
        HarnessApi.Reply reply = call("history.get_task", Map.of("task", task.id(), "page_size", 500));
        if (!reply.ok()) {
            losses.add(new Loss("history", task.id(), "history.get_task answered " + reply.status()));
            return;
        }
        // entries newest first, in the public shape of docs/api/history.md
        JsonNode entries = reply.data().path("entries");
        JsonNode oldest = entries.path(entries.size() - 1);
        if (!"created".equals(oldest.path("kind").asText())) {
            losses.add(new Loss("history", task.id(), "oldest entry " + oldest.path("kind").asText()));
        }
        String comment = task.lastAckedComment();
        boolean edited = comment == null;
        boolean started = !task.isStartAcked();
        for (JsonNode entry : entries) {
            for (JsonNode change : entry.path("changes")) {
                edited = edited || "comment".equals(change.path("field").asText())
                        && comment.equals(change.path("after").asText());
                started = started || "status".equals(change.path("field").asText())
                        && "in_progress".equals(change.path("after").asText());
            }
        }
        if (!edited) {
            losses.add(new Loss("history", task.id(), "no entry changing the comment to " + comment));
        }
        if (!started) {
            losses.add(new Loss("history", task.id(), "no entry changing the status to in_progress"));
        }
    }

    private Map<String, NavigableSet<Long>> missingIters(List<TaskLedger> tasks) throws IOException {
        Map<String, NavigableSet<Long>> missing = new java.util.LinkedHashMap<>();
        for (TaskLedger task : tasks) {
            HarnessApi.Reply reply = call("events.scalar_metrics_iter_raw", Map.of("task", task.id(),
                    "metric", Map.of("metric", WriteLoad.METRIC), "batch_size", 100_000));
            NavigableSet<Long> absent = new TreeSet<>(task.ackedIters());
            if (reply.ok()) {
                for (JsonNode iter : reply.data().path("variants").path(WriteLoad.VARIANT).path("iter")) {
                    absent.remove(iter.asLong());
                }
            }
            if (!absent.isEmpty()) {
                missing.put(task.id(), absent);
            }
        }
        return missing;
    }

    /** A read after the restart; one transport retry covers a pooled connection of the killed server. */
    private HarnessApi.Reply call(String endpoint, Object body) throws IOException {
        try {
            return api.call(endpoint, body);
        } catch (IOException first) {
            return api.call(endpoint, body);
        }
    }
}
