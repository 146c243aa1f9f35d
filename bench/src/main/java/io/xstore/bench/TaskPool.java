package io.xstore.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The tasks of the write-path section, all in status created in one project: seeded concurrently through the API,
 * then handed out in disjoint slices to the phases that change their status, so each call finds a created task.
 */
final class TaskPool {

    private static final int PROGRESS_EVERY = 10_000;

    private final BenchApi api;
    private final String project;
    private final List<String> ids = new ArrayList<>();
    private int handedOut;

    TaskPool(BenchApi api, String projectName) throws IOException, InterruptedException {
        this.api = api;
        this.project = api.call("projects.create", Map.of("name", projectName, "description", "")).get("id")
                .asText();
    }

    String project() {
        return project;
    }

    /** Histories of new tasks in this pool's project, owned by the user and company that seeded it. */
    TaskHistories histories(EmbeddedServer server) {
        String someTask = all().get(0);
        org.bson.Document task = server.mongoDatabase().getCollection(io.xstore.readmodel.Collections.TASKS)
                .find(com.mongodb.client.model.Filters.eq("_id", someTask)).first();
        if (task == null) {
            throw new IllegalStateException("task " + someTask + " is not in the read model");
        }
        return new TaskHistories(task.getString("company"), task.getString("user"), project);
    }

    /** Creates {@code count} tasks from {@code threads} clients; the measurement is the seeding rate. */
    Measurement seed(LoadRunner runner, int count, int threads) {
        String[] created = new String[count];
        int first = size();
        Measurement seeding = runner.measure("seeding: tasks.create", "ops/s", count, threads, 1, i -> {
            created[i] = create(first + i);
            if ((i + 1) % PROGRESS_EVERY == 0) {
                XstoreBench.progress("seeded " + (i + 1) + " of " + count + " tasks");
            }
        });
        synchronized (this) {
            Arrays.stream(created).filter(id -> id != null).forEach(ids::add);
        }
        return seeding;
    }

    String create(int sequence) throws IOException, InterruptedException {
        return api.call("tasks.create", Map.of("name", String.format("write-path task %07d", sequence),
                "type", "training", "project", project, "system_tags", List.of("development"))).get("id").asText();
    }

    synchronized int size() {
        return ids.size();
    }

    synchronized List<String> all() {
        return List.copyOf(ids);
    }

    /** The first {@code count} seeded tasks (all of them if fewer): a working set clients come back to. */
    synchronized List<String> first(int count) {
        return List.copyOf(ids.subList(0, Math.min(count, ids.size())));
    }

    /** {@code count} tasks no other caller of take got; more are created (unmeasured) if the seed ran out. */
    List<String> take(int count) throws IOException, InterruptedException {
        List<String> taken = new ArrayList<>(count);
        synchronized (this) {
            while (taken.size() < count && handedOut < ids.size()) {
                taken.add(ids.get(handedOut++));
            }
        }
        while (taken.size() < count) {
            taken.add(create(size() + taken.size()));
        }
        return taken;
    }
}
