package io.xstore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.xstore.readmodel.Collections;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reads over the seeded tasks: tasks.get_by_id beside the cheapest authenticated call (the price of HTTP, JSON and
 * auth alone), and the UI's task table query (tasks.get_all_ex, one page, filter and sort) beside the same query
 * run directly against the tasks read-model collection.
 */
final class QueryBenchmarks {

    /** An authenticated endpoint that answers a constant: no read model, no command. */
    static final String NO_OP = "server.report_stats_option";
    static final int WORKING_SET = 100;
    static final List<String> PAGE_FIELDS = List.of("id", "name", "status", "type", "user", "tags", "system_tags",
            "last_update", "started", "project");
    private static final List<String> STATUSES = List.of("created");
    private static final String ORDER = "last_update";
    /** As the query side sorts: the requested order, then the id (ascending) for a stable page order. */
    private static final Bson ORDER_BY = Sorts.orderBy(Sorts.descending(ORDER), Sorts.ascending("_id"));

    private final BenchApi api;
    private final LoadRunner runner;
    private final BenchSettings settings;
    private final TaskPool pool;

    QueryBenchmarks(BenchApi api, LoadRunner runner, BenchSettings settings, TaskPool pool) {
        this.api = api;
        this.runner = runner;
        this.settings = settings;
        this.pool = pool;
    }

    Measurement noOp() {
        LoadRunner.Operation op = i -> api.callUnparsed(NO_OP, "{}");
        runner.warmUp(settings.steadyWarmup(), 1, op);
        return runner.measure(NO_OP + " (authenticated no-op)", "ops/s", settings.getById(), 1, 1, op);
    }

    Measurement getById() {
        List<String> ids = pool.all();
        return getById("tasks.get_by_id (random task of all seeded)",
                i -> ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
    }

    /**
     * tasks.get_by_id as clients mostly call it: the SDK re-reads the task it runs, the web app the tasks on screen.
     * {@value #WORKING_SET} tasks read in turn (the read side's copies serve them after the first round).
     */
    Measurement getByIdWorkingSet() {
        List<String> ids = pool.first(WORKING_SET);
        return getById("tasks.get_by_id (" + WORKING_SET + " tasks read in turn)", i -> ids.get(i % ids.size()));
    }

    private Measurement getById(String name, IntFunction<String> pick) {
        LoadRunner.Operation op = i -> {
            String id = pick.apply(i);
            String answer = api.callUnparsed("tasks.get_by_id", "{\"task\":\"" + id + "\"}");
            if (!answer.contains("\"id\":\"" + id + "\"")) {
                throw new IOException("tasks.get_by_id returned another task than " + id);
            }
        };
        runner.warmUp(settings.steadyWarmup(), 1, op);
        return runner.measure(name, "ops/s", settings.getById(), 1, 1, op);
    }

    /** Page {@code i % 10} of 50 created tasks of the project, newest update first. */
    Measurement getAllEx() {
        LoadRunner.Operation op = i -> {
            JsonNode tasks = api.call("tasks.get_all_ex", Map.of("project", List.of(pool.project()),
                    "status", STATUSES, "order_by", List.of("-" + ORDER), "page", i % 10, "page_size", pageSize(),
                    "only_fields", PAGE_FIELDS)).path("tasks");
            if (tasks.size() != pageSize()) {
                throw new IOException("tasks.get_all_ex returned " + tasks.size() + " tasks, not " + pageSize());
            }
        };
        runner.warmUp(Math.max(3, settings.warmup() / 10), 1, op);
        return runner.measure("tasks.get_all_ex (project+status, -last_update, page of " + pageSize() + ")",
                "ops/s", settings.getAllEx(), 1, 1, op);
    }

    /** The same page straight from the collection: filter, sort, skip, limit and projection. */
    Measurement rawGetAllEx(MongoDatabase mongo) {
        MongoCollection<Document> tasks = mongo.getCollection(Collections.TASKS);
        Document sample = tasks.find(Filters.eq("project", pool.project())).first();
        if (sample == null) {
            throw new IllegalStateException("no task of project " + pool.project() + " in the read model");
        }
        Bson filter = Filters.and(Filters.in("company", sample.get("company"), ""),
                Filters.in("project", pool.project()), Filters.in("status", STATUSES),
                Filters.ne("system_tags", "hidden"));
        Bson projection = Projections.include(PAGE_FIELDS.stream().filter(f -> !f.equals("id")).toList());
        LoadRunner.Operation op = i -> {
            List<Document> page = tasks.find(filter).sort(ORDER_BY).skip(i % 10 * pageSize())
                    .limit(pageSize()).projection(projection).into(new ArrayList<>());
            if (page.size() != pageSize()) {
                throw new IOException("raw page had " + page.size() + " tasks, not " + pageSize());
            }
        };
        runner.warmUp(Math.max(3, settings.warmup() / 10), 1, op);
        return runner.measure("MongoDB find (same filter, sort, page)", "ops/s", settings.getAllEx(), 1, 1, op);
    }

    private static int pageSize() {
        return 50;
    }
}
