package io.xstore.migration.ops.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.xstore.api.metrics.LogPosition;
import io.xstore.command.events.MetricEventLog;
import io.xstore.command.events.MetricIndexing;
import io.xstore.projection.replay.ReadModelRebuilder;
import io.xstore.readmodel.Collections;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * {@code ops import}: a ClearML (or Trains) server's data into this one, run inside the server
 * ({@code --migrate=import}): its MongoDB entities as commands ({@link EntityImport}), its Elasticsearch events into
 * the metric event log ({@link EventImport}), its file server's files copied ({@code --files-from}) or their URLs
 * kept or re-pointed. Idempotent and resumable; writes a report of what could not be mapped.
 */
@Component
public class ClearmlImport {

    /** The options of one run. */
    public record Options(String mongoUri, String backendDb, String authDb, String elasticUrl, String indexPrefix,
                          Path filesFrom, String filesUrlFrom, String filesUrlTo) {
    }

    private static final AtomicInteger RUNNING = new AtomicInteger();

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final MetricEventLog eventLog;
    private final MetricIndexing indexing;
    private final MongoDatabase target;
    private final ReadModelRebuilder readModels;
    private final Path dataDir;
    private final Path filesRoot;
    private final ObjectMapper json = new ObjectMapper();

    public ClearmlImport(CommandGateway commands, EventStore eventStore, MetricEventLog eventLog,
                         MetricIndexing indexing, MongoDatabase target, ReadModelRebuilder readModels,
                         @Value("${xstore.data-dir:./data}") String dataDir,
                         @Value("${xstore.fileserver.root:${xstore.data-dir:./data}/files}") String filesRoot) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.eventLog = eventLog;
        this.indexing = indexing;
        this.target = target;
        this.readModels = readModels;
        this.dataDir = Path.of(dataDir);
        this.filesRoot = Path.of(filesRoot);
    }

    /**
     * Whether an import runs in this process: imported tasks pass through {@code in_progress} at their original
     * (old) start times, which the task watchdog must not take for silence meanwhile.
     */
    public static boolean inProgress() {
        return RUNNING.get() > 0;
    }

    /** Runs the import; returns its one-line summary. */
    public String run(Options options) {
        RUNNING.incrementAndGet();
        try {
            return runOnce(options);
        } finally {
            RUNNING.decrementAndGet();
        }
    }

    private String runOnce(Options options) {
        long started = System.nanoTime();
        ImportReport report = new ImportReport();
        UnaryOperator<String> urls = repoint(options.filesUrlFrom(), options.filesUrlTo());
        if (options.filesFrom() != null) {
            copyFiles(options.filesFrom(), report);
        }
        long events = 0;
        try (MongoClient mongo = MongoClients.create(options.mongoUri())) {
            new EntityImport(mongo.getDatabase(options.backendDb()), mongo.getDatabase(options.authDb()), target,
                    commands, eventStore, report, urls).run();
            if (options.elasticUrl() != null) {
                List<LogPosition> positions = new ArrayList<>();
                Map<String, Boolean> known = new HashMap<>();
                events = new EventImport(new ElasticSource(options.elasticUrl(), json), options.indexPrefix(),
                        eventLog, new ImportCheckpoint(dataDir.resolve("import").resolve("checkpoint.properties")),
                        report, urls, json, positions::addAll,
                        id -> known.computeIfAbsent(id, k -> eventStore.lastSequenceNumberFor(k).isPresent()))
                        .run();
                indexing.awaitIndexed(positions);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("import from " + options.elasticUrl() + " failed", e);
        }
        readModels.catchUp(Duration.ofHours(1), line -> System.err.println("import: " + line), "import");
        Path reportFile = dataDir.resolve("import").resolve("report-" + Instant.now().toString().replace(':', '-')
                + ".txt");
        String login = login(report);
        report.write(reportFile);
        double seconds = (System.nanoTime() - started) / 1e9;
        return String.format(Locale.ROOT, "import from %s: %s; %d metric events written in %.1f s (%.0f events/s); "
                        + "%d not mapped, %d with a note, see %s; %s", new ConnectionString(options.mongoUri()).getHosts(),
                report.counts(), events, seconds, events / Math.max(seconds, 1e-3), report.unmappedCount(),
                report.notedCount(), reportFile, login);
    }

    /**
     * How to log in afterwards. An import run never reaches the first-start step that generates an admin key pair,
     * and a later start generates one only when there is no key pair at all; so the imported key pairs are the way
     * in (the SDK's and agents' clearml.conf keep working once they point at this server), and without any, the next
     * start prints an admin key pair.
     */
    private String login(ImportReport report) {
        long keys = target.getCollection(Collections.CREDENTIALS).countDocuments();
        if (keys == 0) {
            return "login: no API key pair here yet; the next start of this server prints an admin key pair in its "
                    + "log (grep access_key)";
        }
        return "login: " + keys + " API key pair(s) here (" + report.imported("credentials", false)
                + " imported now): the imported users' clearml.conf key pairs work as they did on the source (point "
                + "api_server, web_server, files_server at this server); web UI sign-in: the source's fixed users as "
                + "xstore.auth.fixed-users (docs/operations.md)";
    }

    private static UnaryOperator<String> repoint(String from, String to) {
        if (from == null || to == null) {
            return url -> url;
        }
        String base = from.replaceAll("/+$", "");
        String replacement = to.replaceAll("/+$", "");
        return url -> url != null && url.startsWith(base) ? replacement + url.substring(base.length()) : url;
    }

    /** The source file server's storage into this one's, same relative paths; files already here are kept. */
    private void copyFiles(Path from, ImportReport report) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path to = filesRoot.resolve(from.relativize(file).toString());
                if (Files.exists(to)) {
                    report.skipped("files");
                    continue;
                }
                Files.createDirectories(to.getParent());
                Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES);
                report.imported("files");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the files of " + from, e);
        }
    }
}
