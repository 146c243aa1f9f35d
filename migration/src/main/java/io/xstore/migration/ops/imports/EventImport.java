package io.xstore.migration.ops.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.api.AuditEntry;
import io.xstore.api.metrics.LogPosition;
import io.xstore.api.metrics.MetricEventBatch;
import io.xstore.api.metrics.MetricLogEntry;
import io.xstore.command.events.MetricEventLog;
import io.xstore.command.events.MetricEventLog.Keyed;
import io.xstore.migration.ops.Progress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The metric and log events of a ClearML server's event indices into this server's metric event log, as
 * {@code events.add_batch} writes them (one log entry per task and page), attributed to the system actor with an
 * {@code import:clearml:events} call id. Each index continues after the documents its checkpoint counts.
 */
final class EventImport {

    /** The event types and the index each lives in on a ClearML server. */
    static final List<String> TYPES = List.of("training_stats_scalar", "training_stats_vector", "log", "plot",
            "training_debug_image");

    private final ElasticSource source;
    private final String indexPrefix;
    private final MetricEventLog eventLog;
    private final ImportCheckpoint checkpoint;
    private final ImportReport report;
    private final UnaryOperator<String> urls;
    private final ObjectMapper json;
    private final Consumer<List<LogPosition>> written;
    private final Predicate<String> imported;
    private final Map<String, Long> orphans = new LinkedHashMap<>();

    EventImport(ElasticSource source, String indexPrefix, MetricEventLog eventLog, ImportCheckpoint checkpoint,
                ImportReport report, UnaryOperator<String> urls, ObjectMapper json,
                Consumer<List<LogPosition>> written, Predicate<String> imported) {
        this.source = source;
        this.indexPrefix = indexPrefix;
        this.eventLog = eventLog;
        this.checkpoint = checkpoint;
        this.report = report;
        this.urls = urls;
        this.json = json;
        this.written = written;
        this.imported = imported;
    }

    /** Returns the events written into the metric event log by this run. */
    long run() throws IOException {
        List<ElasticSource.IndexCount> indices = new ArrayList<>();
        for (String type : TYPES) {
            indices.addAll(source.indices(indexPrefix + "events-" + type + "-*"));
        }
        long total = indices.stream().mapToLong(ElasticSource.IndexCount::count).sum();
        long already = indices.stream().mapToLong(i -> checkpoint.eventsDone(i.index())).sum();
        Progress progress = Progress.onStderr("import: metric events", "events", total - already);
        long[] writtenEvents = {0};
        for (ElasticSource.IndexCount index : indices) {
            long done = checkpoint.eventsDone(index.index());
            if (done > 0) {
                report.skipped("events", done);
            }
            long[] count = {done};
            source.scan(index.index(), done, page -> {
                List<Keyed> entries = entries(page);
                if (!entries.isEmpty()) {
                    written.accept(eventLog.append(entries));
                    entries.forEach(e -> writtenEvents[0] += e.entry().batch().events().size());
                }
                count[0] += page.size();
                checkpoint.eventsDone(index.index(), count[0]);
                progress.add(page.size());
            });
        }
        orphans.forEach((task, n) -> report.unmapped("events", task, n + " events of a task or model that is not "
                + "here (deleted on the source?)"));
        System.err.println(progress.summary(indices.size() + " indices, " + writtenEvents[0] + " written, " + already
                + " done by an earlier run"));
        return writtenEvents[0];
    }

    private List<Keyed> entries(List<ObjectNode> page) {
        Map<String, List<Map<String, Object>>> byTarget = new LinkedHashMap<>();
        Map<String, String[]> targets = new LinkedHashMap<>();
        for (ObjectNode doc : page) {
            String task = doc.path("task").asText(null);
            if (task == null) {
                report.unmapped("event", doc.path("type").asText("?"), "no task field");
                continue;
            }
            if (!imported.test(task)) {
                orphans.merge(task, 1L, Long::sum);
                continue;
            }
            boolean model = doc.path("model_event").asBoolean(false);
            String key = (model ? "m:" : "t:") + task;
            targets.putIfAbsent(key, new String[] {task, Boolean.toString(model), doc.path("company_id").asText("")});
            byTarget.computeIfAbsent(key, k -> new ArrayList<>()).add(fields(doc));
            report.imported("events");
        }
        List<Keyed> entries = new ArrayList<>(byTarget.size());
        AuditEntry audit = AuditEntry.system("", Instant.now(), EntityImport.CALL_PREFIX + "events");
        byTarget.forEach((key, events) -> {
            String[] target = targets.get(key);
            String company = target[2].isEmpty() ? "" : target[2];
            entries.add(new Keyed(target[0], MetricLogEntry.of(new MetricEventBatch(target[0],
                    Boolean.parseBoolean(target[1]), company, events,
                    new AuditEntry(audit.userId(), audit.userName(), company, audit.at(), audit.callId())))));
        });
        return entries;
    }

    /** The stored document as the event log carries it: the company goes to the entry, big plots are unpacked. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> fields(ObjectNode doc) {
        Map<String, Object> fields = json.convertValue(doc, Map.class);
        fields.remove("company_id");
        if (fields.get("plot_data") instanceof String packed && !fields.containsKey("plot_str")) {
            fields.put("plot_str", inflate(packed));
            fields.remove("plot_data");
        }
        if (fields.get("url") instanceof String url) {
            fields.put("url", urls.apply(url));
        }
        fields.putIfAbsent("metric", "");
        fields.putIfAbsent("variant", "");
        fields.putIfAbsent("model_event", false);
        return fields;
    }

    private static String inflate(String base64) {
        Inflater inflater = new Inflater();
        inflater.setInput(Base64.getDecoder().decode(base64));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new UncheckedIOException(new IOException("a plot's plot_data is not zlib data", e));
        } finally {
            inflater.end();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
