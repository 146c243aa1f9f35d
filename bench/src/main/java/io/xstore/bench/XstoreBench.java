package io.xstore.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the whole xstore server in this JVM on its embedded services, measures the API calls an SDK run makes most
 * against the raw speed of the same MongoDB, Kafka and Elasticsearch, and prints the results (also written to
 * {@code bench-results.md}). Sizes: see {@link BenchSettings}.
 */
public final class XstoreBench {

    private XstoreBench() {
    }

    public static void main(String[] args) {
        try {
            run(BenchSettings.fromSystemProperties());
            System.exit(0);
        } catch (Throwable e) {
            System.err.println("benchmark failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(BenchSettings settings) throws Exception {
        double loadAtStart = ResultReport.loadAverage();
        progress("starting the server on embedded services ...");
        long startNanos = System.nanoTime();
        try (EmbeddedServer server = EmbeddedServer.start(settings.dataDir(), settings.keepData())) {
            double startSeconds = (System.nanoTime() - startNanos) / 1e9;
            progress(String.format("server up in %.1f s (data in %s)", startSeconds, server.dataDir()));
            LoadRunner runner = new LoadRunner(Duration.ofSeconds(settings.maxSeconds()));
            BenchApi api = new BenchApi(server.apiBaseUrl(), EmbeddedServer.ACCESS_KEY, EmbeddedServer.SECRET_KEY);
            ApiBenchmarks apiBench = new ApiBenchmarks(api, runner, settings);
            RawBenchmarks raw = new RawBenchmarks(server.mongoDatabase(), server.kafkaBootstrapServers(), runner,
                    settings);

            // raw baselines run between the API phases, while the same data is warm; add_batch runs last, so
            // the indexing of its events (Kafka Streams into Elasticsearch) loads no other phase
            List<Measurement> creates = measured(apiBench.creates());
            int readSet = apiBench.topUpReadSet();
            progress(readSet + " tasks in the read set");
            Measurement edit = measured(apiBench.edits());
            Measurement getById = measured(apiBench.getById());
            Measurement findById = measured(raw.mongoFindById(apiBench.snapshotIds()));
            Measurement getAll = measured(apiBench.getAllByName());
            Measurement insertOne = measured(raw.mongoInsertOne(apiBench.snapshotIds().get(0)));
            Measurement produce = measured(raw.kafkaProduceBatches());
            Measurement addBatch = measured(apiBench.addBatch(1));
            Measurement esBulk = measured(raw.elasticBulk(server.elasticsearch(), 1));
            Measurement addBatchParallel = measured(apiBench.addBatch(settings.threads()));
            Measurement esBulkParallel = measured(raw.elasticBulk(server.elasticsearch(), settings.threads()));

            List<Measurement> all = new ArrayList<>(creates);
            all.addAll(List.of(edit, getById, getAll, addBatch, addBatchParallel, insertOne, findById, produce, esBulk,
                    esBulkParallel));
            List<ResultReport.Pair> pairs = List.of(
                    new ResultReport.Pair(creates.get(0), insertOne),
                    new ResultReport.Pair(creates.get(1), insertOne),
                    new ResultReport.Pair(getById, findById),
                    new ResultReport.Pair(addBatch, produce),
                    new ResultReport.Pair(addBatch, esBulk),
                    new ResultReport.Pair(addBatchParallel, esBulkParallel));
            String report = new ResultReport(all, pairs,
                    ResultReport.machine(loadAtStart, readSet, startSeconds)).render();
            System.out.println();
            System.out.println(report);
            Files.createDirectories(settings.resultFile().getParent());
            Files.writeString(settings.resultFile(), report);
            progress("written to " + settings.resultFile());
        }
    }

    private static List<Measurement> measured(List<Measurement> results) {
        results.forEach(XstoreBench::measured);
        return results;
    }

    private static Measurement measured(Measurement m) {
        progress(String.format("%-45s %2d thr %6d calls %10.0f %s", m.name(), m.threads(), m.ops(), m.rate(),
                m.unit()));
        return m;
    }

    private static void progress(String line) {
        System.out.println("[bench] " + line);
    }
}
