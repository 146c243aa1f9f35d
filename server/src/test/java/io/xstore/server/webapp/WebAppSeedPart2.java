package io.xstore.server.webapp;

import io.xstore.server.ApiClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What part 2 of the e2e suite acts on, created through the API after {@link WebAppSeed}: a project of runs to act
 * on (drafts, a running one, a completed one), a run with a recorded history (renamed, tagged, a hyperparameter
 * changed), a second training run to compare with the main one, a queue with waiting runs, and a worker reporting
 * machine statistics while it runs a task. The key pair of the simulated worker goes into the seed too.
 */
final class WebAppSeedPart2 {

    private final SeedApi api;
    private final String suffix;
    private long clock = System.currentTimeMillis() - 1_800_000;

    WebAppSeedPart2(SeedApi api, String suffix) {
        this.api = api;
        this.suffix = suffix;
    }

    Map<String, Object> build(Map<String, Object> part1) throws Exception {
        Map<String, Object> seed = new LinkedHashMap<>();
        String projectName = "Web E2E actions " + suffix;
        String project = api.id("projects.create", Map.of("name", projectName));
        String targetName = "Web E2E target " + suffix;
        String target = api.id("projects.create", Map.of("name", targetName));
        seed.put("actionsProject", Map.of("id", project, "name", projectName));
        seed.put("targetProject", Map.of("id", target, "name", targetName));

        seed.put("draftA", task(project, "draft alpha " + suffix));
        seed.put("draftB", task(project, "draft beta " + suffix));
        Map<String, Object> running = task(project, "act running " + suffix);
        api.ok("tasks.started", Map.of("task", running.get("id")));
        seed.put("actRunning", running);
        Map<String, Object> done = task(project, "act completed " + suffix);
        api.ok("tasks.started", Map.of("task", done.get("id")));
        api.ok("tasks.completed", Map.of("task", done.get("id"), "force", true));
        seed.put("actCompleted", done);

        seed.put("historyTask", historyTask(project));
        seed.put("compareTask", compareTask(part1, project));

        String queueName = "e2e-queue-" + suffix;
        String queue = api.id("queues.create", Map.of("name", queueName));
        List<String> waiting = new ArrayList<>();
        for (String name : List.of("waiting one ", "waiting two ", "waiting three ")) {
            String id = (String) task(project, name + suffix).get("id");
            api.ok("tasks.enqueue", Map.of("task", id, "queue", queue));
            waiting.add(id);
        }
        seed.put("queue", Map.of("id", queue, "name", queueName, "waiting", waiting));
        seed.put("emptyQueue", Map.of("id", api.id("queues.create", Map.of("name", "e2e-pull-" + suffix)),
                "name", "e2e-pull-" + suffix));
        seed.put("worker", worker(project, queue));
        seed.put("credentials", Map.of("accessKey", ApiClient.ACCESS_KEY, "secretKey", ApiClient.SECRET_KEY));
        return seed;
    }

    private Map<String, Object> task(String project, String name) {
        String id = api.id("tasks.create", Map.of("name", name, "type", "training", "project", project,
                "tags", List.of("act")));
        return Map.of("id", id, "name", name, "project", project);
    }

    /** Created with lr 0.1, then renamed, tagged and its lr changed: four entries besides the creation. */
    private Map<String, Object> historyTask(String project) {
        String first = "history before " + suffix;
        String id = api.id("tasks.create", Map.of("name", first, "type", "training", "project", project,
                "hyperparams", Map.of("Args", Map.of("lr", SeedApi.param("Args", "lr", "0.1")))));
        String renamed = "history after " + suffix;
        api.ok("tasks.update", Map.of("task", id, "name", renamed));
        api.ok("tasks.update_tags", Map.of("ids", List.of(id), "add_tags", List.of("best")));
        api.ok("tasks.edit_hyper_params", Map.of("task", id, "hyperparams",
                List.of(SeedApi.param("Args", "lr", "0.01"))));
        return Map.of("id", id, "name", renamed, "firstName", first, "project", project);
    }

    /**
     * A clone of the main run, in the actions project (part 1 counts the main run's project), with another learning
     * rate and its own scalars and plot.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> compareTask(Map<String, Object> part1, String project) throws Exception {
        Map<String, Object> main = (Map<String, Object>) part1.get("mainTask");
        String name = "train resnet v2 " + suffix;
        String id = api.ok("tasks.clone", Map.of("task", main.get("id"), "new_task_name", name,
                "new_task_project", project)).get("id").asText();
        api.ok("tasks.edit_hyper_params", Map.of("task", id, "hyperparams",
                List.of(SeedApi.param("Args", "lr", "0.02"))));
        api.ok("tasks.started", Map.of("task", id));
        List<String> events = new ArrayList<>();
        for (int iter = 0; iter < 50; iter++) {
            events.add(scalar(id, "loss", "train", iter, 1.5 / (iter + 1)));
            events.add(scalar(id, "accuracy", "validation", iter, 0.55 + iter * 0.008));
        }
        events.add("{\"type\":\"plot\",\"task\":\"" + id + "\",\"metric\":\"Confusion\",\"variant\":\"matrix\","
                + "\"iter\":0,\"timestamp\":" + (clock += 1000) + ",\"plot_str\":"
                + "\"{\\\"data\\\":[{\\\"type\\\":\\\"heatmap\\\",\\\"z\\\":[[6,0],[1,8]]}],"
                + "\\\"layout\\\":{\\\"title\\\":\\\"confusion matrix\\\"}}\"}");
        api.addEvents(events);
        api.ok("tasks.completed", Map.of("task", id, "force", true));
        return Map.of("id", id, "name", name, "project", project);
    }

    /** A worker listening on the queue, running a task, that reported machine statistics a few times. */
    private Map<String, Object> worker(String project, String queue) {
        String workerId = "e2e-gpu-box-" + suffix;
        Map<String, Object> task = task(project, "worker run " + suffix);
        api.ok("tasks.started", Map.of("task", task.get("id")));
        api.ok("workers.register", Map.of("worker", workerId, "queues", List.of(queue), "timeout", 3600));
        long now = System.currentTimeMillis() / 1000;
        for (int i = 4; i >= 0; i--) {
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("cpu_usage", List.of(20.0 + i * 10, 30.0 + i * 5));
            stats.put("gpu_usage", List.of(80.0 - i * 5));
            stats.put("memory_used", 4096 + i * 100);
            stats.put("gpu_memory_used", List.of(7000 + i * 50));
            api.ok("workers.status_report", Map.of("worker", workerId, "timestamp", now - i * 60L,
                    "task", task.get("id"), "queues", List.of(queue), "machine_stats", stats));
        }
        return Map.of("id", workerId, "task", task);
    }

    private String scalar(String task, String metric, String variant, long iter, double value) {
        return "{\"type\":\"training_stats_scalar\",\"task\":\"" + task + "\",\"metric\":\"" + metric
                + "\",\"variant\":\"" + variant + "\",\"iter\":" + iter + ",\"value\":" + value
                + ",\"timestamp\":" + (clock += 1000) + "}";
    }
}
