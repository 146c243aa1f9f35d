package io.xstore.bench;

import java.util.ArrayList;
import java.util.List;

/** Section {@code api}: the calls an SDK run makes most, each beside the raw operation of its backing service. */
final class ApiSection {

    private ApiSection() {
    }

    static ReportSection run(EmbeddedServer server, BenchApi api, LoadRunner runner, BenchSettings settings)
            throws Exception {
        ApiBenchmarks apiBench = new ApiBenchmarks(api, runner, settings);
        RawBenchmarks raw = new RawBenchmarks(server.mongoDatabase(), server.kafkaBootstrapServers(), runner,
                settings);

        // raw baselines run between the API phases, while the same data is warm; add_batch runs last, so
        // the indexing of its events (Kafka Streams into Elasticsearch) loads no other phase
        List<Measurement> creates = XstoreBench.measured(apiBench.creates());
        int readSet = apiBench.topUpReadSet();
        XstoreBench.progress(readSet + " tasks in the read set");
        Measurement edit = XstoreBench.measured(apiBench.edits());
        Measurement getById = XstoreBench.measured(apiBench.getById());
        Measurement findById = XstoreBench.measured(raw.mongoFindById(apiBench.snapshotIds()));
        Measurement getAll = XstoreBench.measured(apiBench.getAllByName());
        Measurement insertOne = XstoreBench.measured(raw.mongoInsertOne(apiBench.snapshotIds().get(0)));
        Measurement produce = XstoreBench.measured(raw.kafkaProduceBatches());
        Measurement addBatch = XstoreBench.measured(apiBench.addBatch(1));
        Measurement esBulk = XstoreBench.measured(raw.elasticBulk(server.elasticsearch(), 1));
        Measurement addBatchParallel = XstoreBench.measured(apiBench.addBatch(settings.threads()));
        Measurement esBulkParallel = XstoreBench.measured(raw.elasticBulk(server.elasticsearch(), settings.threads()));

        List<Measurement> all = new ArrayList<>(creates);
        all.addAll(List.of(edit, getById, getAll, addBatch, addBatchParallel, insertOne, findById, produce, esBulk,
                esBulkParallel));
        List<ReportSection.Pair> pairs = List.of(
                new ReportSection.Pair(creates.get(0), insertOne),
                new ReportSection.Pair(creates.get(1), insertOne),
                new ReportSection.Pair(getById, findById),
                new ReportSection.Pair(addBatch, produce),
                new ReportSection.Pair(addBatch, esBulk),
                new ReportSection.Pair(addBatchParallel, esBulkParallel));
        return new ReportSection("API vs raw backing service (section api)", all, pairs, """
                %d tasks in the read set of the read calls. Every API write goes command → event store → projection \
                → MongoDB and answers after the read model caught up; events.add_batch answers once Kafka \
                acknowledged every event (acks=all). Raw baselines drive the same embedded MongoDB \
                (mongo-java-server) and Kafka broker directly from the same JVM, without HTTP, auth, validation or \
                the event store.
                """.formatted(readSet));
    }
}
