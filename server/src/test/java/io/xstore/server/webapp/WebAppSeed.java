package io.xstore.server.webapp;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What the end-to-end suite browses, created through the API as the SDK would: nested projects, a finished
 * training run with every kind of detail (script, parameters, configuration, artifacts, model, scalars,
 * single values, a plot, debug images, console), a running run, a run with a million-point series holding one
 * spike, and a project with enough runs to page. The e2e tests read the ids from the returned map.
 */
final class WebAppSeed {

    static final int SPIKE_POINTS = 1_000_000;
    static final int SPIKE_ITER = 654_321;
    static final int PAGED_TASKS = 240;
    private static final int SPIKE_BATCH = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A 2x2 PNG, red and blue. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==");

    private final SeedApi api;
    private final String suffix;
    private final Map<String, Object> seed = new LinkedHashMap<>();
    private long clock = System.currentTimeMillis() - 3_600_000;

    WebAppSeed(SeedApi api, String suffix) {
        this.api = api;
        this.suffix = suffix;
    }

    /**
     * Everything but the million points: with {@code millionPoints} the spike run is created (its id is in the seed)
     * and {@link #fillSpikeRun} adds its points, which the caller may do while the suite runs.
     */
    Map<String, Object> build(boolean millionPoints) throws Exception {
        String parentName = "Web E2E " + suffix;
        String parent = api.id("projects.create", Map.of("name", parentName, "description", "seeded by the e2e suite"));
        String childName = parentName + "/Vision";
        String child = api.id("projects.create", Map.of("name", childName, "description", "image models"));
        String pagedName = "Web E2E paged " + suffix;
        String paged = api.id("projects.create", Map.of("name", pagedName));
        seed.put("parentProject", ref(parent, parentName));
        seed.put("childProject", ref(child, childName));
        seed.put("pagedProject", Map.of("id", paged, "name", pagedName, "tasks", PAGED_TASKS));

        String main = mainTask(child);
        seed.put("mainTask", Map.of("id", main, "name", "train resnet " + suffix, "project", child));
        seed.put("model", model(main, child));
        api.ok("tasks.completed", Map.of("task", main, "force", true));
        String running = api.id("tasks.create", Map.of("name", "live run " + suffix, "type", "training",
                "project", child));
        api.ok("tasks.started", Map.of("task", running));
        api.addEvents(List.of(log(running, 0, "live run started")));
        seed.put("runningTask", Map.of("id", running, "name", "live run " + suffix, "project", child));
        String archived = api.id("tasks.create", Map.of("name", "archived run " + suffix, "type", "training",
                "project", child));
        api.ok("tasks.archive", Map.of("tasks", List.of(archived)));
        seed.put("archivedTask", ref(archived, "archived run " + suffix));
        if (millionPoints) {
            String name = "million points " + suffix;
            String spike = api.id("tasks.create", Map.of("name", name, "type", "training", "project", parent));
            api.ok("tasks.started", Map.of("task", spike));
            seed.put("spikeTask", Map.of("id", spike, "name", name, "project", parent, "metric", "loss",
                    "variant", "train", "spikeIter", SPIKE_ITER));
        }
        pagedTasks(paged);
        return seed;
    }

    private String mainTask(String project) throws Exception {
        Map<String, Object> script = new LinkedHashMap<>();
        script.put("repository", "https://github.com/example/vision.git");
        script.put("branch", "main");
        script.put("version_num", "4f2c9a1e7b");
        script.put("entry_point", "train.py");
        script.put("working_dir", ".");
        script.put("diff", "diff --git a/train.py b/train.py\n-lr = 0.1\n+lr = 0.01\n");
        script.put("requirements", Map.of("pip", "torch==2.1.0\nnumpy==1.26.4\n"));
        Map<String, Object> hyperparams = Map.of(
                "Args", Map.of("lr", SeedApi.param("Args", "lr", "0.01"),
                        "batch_size", SeedApi.param("Args", "batch_size", "64")),
                "General", Map.of("optimizer", SeedApi.param("General", "optimizer", "adam")));
        Map<String, Object> configuration = Map.of("model_config", Map.of("name", "model_config",
                "type", "yaml", "value", "layers: 50\npretrained: true\n"));
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("name", "train resnet " + suffix);
        create.put("type", "training");
        create.put("project", project);
        create.put("comment", "baseline run");
        create.put("tags", List.of("baseline", "e2e"));
        create.put("script", script);
        create.put("container", Map.of("image", "pytorch/pytorch:2.1.0-cuda12.1", "arguments", "--ipc=host"));
        create.put("hyperparams", hyperparams);
        create.put("configuration", configuration);
        String task = api.id("tasks.create", create);
        api.ok("tasks.started", Map.of("task", task));

        List<String> events = new ArrayList<>();
        for (int iter = 0; iter < 50; iter++) {
            events.add(scalar(task, "loss", "train", iter, 2.0 / (iter + 1)));
            events.add(scalar(task, "loss", "validation", iter, 2.2 / (iter + 1) + 0.05));
            events.add(scalar(task, "accuracy", "validation", iter, 0.5 + iter * 0.009));
        }
        events.add(scalar(task, "Summary", "test_accuracy", -2147483648, 0.93));
        events.add(JSON.writeValueAsString(event(task, "plot", "Confusion", "matrix", 0, Map.of(
                "plot_str", JSON.writeValueAsString(Map.of(
                        "data", List.of(Map.of("type", "heatmap", "z", List.of(List.of(5, 1), List.of(2, 7)))),
                        "layout", Map.of("title", "confusion matrix")))))));
        for (int iter = 0; iter < 3; iter++) {
            String url = api.upload("e2e/" + task + "/samples/img_" + iter + ".png", PNG, "image/png");
            events.add(JSON.writeValueAsString(event(task, "training_debug_image", "samples", "img", iter,
                    Map.of("url", url))));
        }
        for (int i = 0; i < 30; i++) {
            events.add(log(task, i, "epoch " + i + " loss=" + String.format("%.3f", 2.0 / (i + 1))));
        }
        api.addEvents(events);

        String csv = "epoch,loss\n0,2.0\n1,1.0\n";
        String csvUrl = api.upload("e2e/" + task + "/artifacts/metrics.csv", csv.getBytes(), "text/csv");
        api.ok("tasks.add_or_update_artifacts", Map.of("task", task, "force", true, "artifacts", List.of(
                Map.of("key", "metrics", "type", "custom", "mode", "output", "uri", csvUrl,
                        "content_size", csv.length(), "hash", "abc123",
                        "type_data", Map.of("preview", csv, "content_type", "text/csv")))));
        return task;
    }

    private Map<String, Object> model(String task, String project) {
        String uri = api.upload("e2e/" + task + "/models/resnet.pt", new byte[]{1, 2, 3}, "application/octet-stream");
        String name = "resnet50 " + suffix;
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("name", name);
        create.put("uri", uri);
        create.put("framework", "PyTorch");
        create.put("task", task);
        create.put("project", project);
        create.put("labels", Map.of("background", 0, "cat", 1, "dog", 2));
        create.put("tags", List.of("e2e"));
        create.put("comment", "best checkpoint");
        create.put("ready", true);
        String id = api.id("models.create", create);
        api.ok("models.add_or_update_metadata", Map.of("model", id, "metadata", List.of(
                Map.of("key", "epochs", "type", "int", "value", "50"))));
        api.ok("tasks.add_or_update_model", Map.of("task", task, "name", "resnet", "model", id, "type", "output"));
        return ref(id, name);
    }

    /** Adds the million points of the spike run (one spike at {@link #SPIKE_ITER}) and completes it. */
    void fillSpikeRun(String task) {
        List<String> batch = new ArrayList<>(SPIKE_BATCH);
        for (int iter = 0; iter < SPIKE_POINTS; iter++) {
            double value = iter == SPIKE_ITER ? 25.0 : 1.0 + Math.sin(iter / 5000.0) * 0.1;
            batch.add(scalarAt(task, "loss", "train", iter, value, 1_700_000_000_000L + iter * 100L));
            if (batch.size() == SPIKE_BATCH) {
                api.addEventsAllowingSlowIndexing(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            api.addEventsAllowingSlowIndexing(batch);
        }
        awaitLastIteration(task, SPIKE_POINTS - 1, Duration.ofMinutes(5));
        api.ok("tasks.completed", Map.of("task", task, "force", true));
    }

    private void awaitLastIteration(String task, long iteration, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (api.ok("tasks.get_all_ex", Map.of("id", List.of(task), "only_fields", List.of("last_iteration")))
                .path("tasks").path(0).path("last_iteration").asLong(-1) < iteration) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the spike run's points were not indexed within " + timeout);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void pagedTasks(String project) {
        IntStream.range(0, PAGED_TASKS).parallel().forEach(i -> {
            Map<String, Object> create = new LinkedHashMap<>();
            create.put("name", String.format("sweep %03d", i));
            create.put("type", i % 5 == 0 ? "testing" : "training");
            create.put("project", project);
            create.put("tags", List.of(i % 2 == 0 ? "even" : "odd"));
            create.put("hyperparams", Map.of("Args", Map.of("lr", SeedApi.param("Args", "lr", "0.00" + (i % 9 + 1)))));
            api.id("tasks.create", create);
        });
    }

    private String scalar(String task, String metric, String variant, long iter, double value) throws Exception {
        return scalarAt(task, metric, variant, iter, value, clock += 1000);
    }

    private static String scalarAt(String task, String metric, String variant, long iter, double value, long ts) {
        return "{\"type\":\"training_stats_scalar\",\"task\":\"" + task + "\",\"metric\":\"" + metric
                + "\",\"variant\":\"" + variant + "\",\"iter\":" + iter + ",\"value\":" + value
                + ",\"timestamp\":" + ts + "}";
    }

    private Map<String, Object> event(String task, String type, String metric, String variant, long iter,
                                      Map<String, Object> extra) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("task", task);
        event.put("metric", metric);
        event.put("variant", variant);
        event.put("iter", iter);
        event.put("timestamp", clock += 1000);
        event.putAll(extra);
        return event;
    }

    private String log(String task, int iter, String message) {
        try {
            return JSON.writeValueAsString(Map.of("type", "log", "task", task, "iter", iter, "level", "info",
                    "worker", "e2e-worker", "msg", message, "timestamp", clock += 1000));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> ref(String id, String name) {
        return Map.of("id", id, "name", name);
    }
}
