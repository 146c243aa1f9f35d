package io.xstore.migration.ops.check;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.xstore.command.eventstore.EventLogFiles;
import io.xstore.migration.ops.DataDirFormat;
import io.xstore.migration.ops.DataDirs;
import io.xstore.migration.ops.Progress;
import io.xstore.migration.ops.RunningServer;
import io.xstore.migration.ops.ServerVersion;
import io.xstore.readmodel.Collections;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ops check}: what an upgrade of a data directory to this build will meet. Prints the versions, the stored
 * event types and revisions against this build's upcasters, the disk space, the pending file deletions, and
 * a verdict; {@link #run} returns the number of problems that block an upgrade (the tool's exit code is 1 then).
 * Safe while a server runs on the directory (the event log is read, never written).
 */
public final class UpgradeCheck {

    /** Free space wanted beyond the rebuilt read models and indices (logs, Kafka, temp files). */
    private static final long SPARE_BYTES = 256L * 1024 * 1024;

    private final Path dataDir;
    private final String mongoUri;
    private final PrintStream out;
    private final List<String> blockers = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    public UpgradeCheck(Path dataDir, String mongoUri, PrintStream out) {
        this.dataDir = dataDir;
        this.mongoUri = mongoUri;
        this.out = out;
    }

    public int run() {
        if (!Files.isDirectory(dataDir)) {
            out.println("check: " + dataDir + " is not a directory");
            return 1;
        }
        boolean running = RunningServer.isRunning(dataDir);
        out.println("server (this tool):   " + ServerVersion.current() + ", data-dir format " + DataDirFormat.CURRENT);
        out.println("data directory:       " + dataDir
                + (running ? " (a server is running on it)" : " (no server running)"));
        StoredEventTypes types = new StoredEventTypes(StoredEventTypes.upcastersOfThisBuild());
        EventLogFiles.Summary events = scanEvents(types);
        checkFormat(events.records() > 0 || Files.exists(DataDirs.legacyEventStore(dataDir)));
        reportTypes(types);
        checkDisk();
        checkDeletions(running);
        warnings.forEach(w -> out.println("WARNING: " + w));
        blockers.forEach(b -> out.println("BLOCKS UPGRADE: " + b));
        out.println(String.format(Locale.ROOT, "check: %s; %d events of %d types checked, %d blocking problem(s), "
                        + "%d warning(s)", blockers.isEmpty() ? "ready for this build" : "NOT ready for this build",
                events.records(), types.verdicts().size(), blockers.size(), warnings.size()));
        return blockers.size();
    }

    private EventLogFiles.Summary scanEvents(StoredEventTypes types) {
        Path log = DataDirs.eventLog(dataDir);
        Progress progress = Progress.onStderr("check: event store scan", "events", 0);
        EventLogFiles.Summary summary = EventLogFiles.scan(log, header -> {
            types.count(header.payloadType(), header.payloadRevision());
            progress.add(1);
        });
        long onDisk = DataDirs.size(log, name -> name.endsWith(".log"));
        out.println(String.format(Locale.ROOT, "event store:          %d events (index %d to %d), %s in %d segment(s)",
                summary.records(), summary.firstIndex(), summary.lastIndex(), DataDirs.human(summary.bytes()),
                EventLogFiles.segments(log).size()));
        // only a record being written may follow the valid prefix, at the very end of the last segment
        if (onDisk - summary.bytes() > 64L * 1024 * 1024) {
            blockers.add("the event store has " + DataDirs.human(onDisk - summary.bytes()) + " after its last valid "
                    + "record (index " + summary.lastIndex() + "): a damaged segment; the server refuses to open it");
        }
        if (Files.exists(DataDirs.legacyEventStore(dataDir))) {
            warnings.add("an H2 event store (eventstore/axon.mv.db) is carried into the log on the first start");
        }
        return summary;
    }

    private void checkFormat(boolean holdsEvents) {
        DataDirFormat.Found found = DataDirFormat.read(dataDir, holdsEvents);
        String action;
        if (found.format() == 0) {
            action = "empty: a first start creates format " + DataDirFormat.CURRENT;
        } else if (found.newerThanThisServer()) {
            action = "written by a NEWER server than this build";
            blockers.add("data-dir format " + found.format() + " is newer than this build's "
                    + DataDirFormat.CURRENT + " (" + found.writtenBy() + "); downgrades are not supported");
        } else if (found.needsUpgrade()) {
            action = "the first start upgrades it to " + DataDirFormat.CURRENT
                    + (DataDirFormat.readModelsRebuiltFrom(found.format()) ? " and rebuilds the read models" : "");
        } else {
            action = "current";
        }
        out.println("data-dir format:      " + found.format() + " (written by " + found.writtenBy() + "): " + action);
    }

    private void reportTypes(StoredEventTypes types) {
        out.println("stored event types (type, revision, count, what this build does):");
        for (StoredEventTypes.Verdict v : types.verdicts()) {
            out.println(String.format(Locale.ROOT, "  %-70s r%-3s %8d  %s", v.type(), v.revision(), v.count(),
                    v.how()));
            if (v.blocks()) {
                blockers.add(v.count() + " stored " + v.type() + " events of revision " + v.revision() + ": "
                        + v.how());
            }
        }
    }

    private void checkDisk() {
        try {
            FileStore store = Files.getFileStore(dataDir);
            long usable = store.getUsableSpace();
            long rebuilt = DataDirs.size(dataDir.resolve("mongo"), name -> true)
                    + DataDirs.size(dataDir.resolve("elasticsearch").resolve("data"), name -> true);
            long wanted = rebuilt + SPARE_BYTES;
            out.println(String.format(Locale.ROOT, "disk:                 %s free of %s; a rebuild of the read models "
                            + "and indices wants about %s", DataDirs.human(usable),
                    DataDirs.human(store.getTotalSpace()), DataDirs.human(wanted)));
            if (usable < wanted) {
                blockers.add("only " + DataDirs.human(usable) + " free on the data directory's disk, "
                        + DataDirs.human(wanted) + " wanted to rebuild the read models and indices");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the disk of " + dataDir, e);
        }
    }

    private void checkDeletions(boolean running) {
        String uri = mongoUri;
        if (uri == null) {
            uri = RunningServer.endpoints(dataDir).map(p -> p.getProperty(RunningServer.MONGODB)).orElse(null);
        }
        if (uri == null) {
            out.println("file deletions:       not checked (" + (running ? "the running server published no "
                    + "endpoints yet" : "no server running: start it, or give --mongo=URI") + ")");
            return;
        }
        try (MongoClient client = MongoClients.create(uri)) {
            String database = new com.mongodb.ConnectionString(uri).getDatabase();
            long pending = client.getDatabase(database == null ? DataDirs.MONGO_DATABASE : database)
                    .getCollection(Collections.FILE_DELETIONS).countDocuments(Filters.eq("status", "pending"));
            out.println("file deletions:       " + pending + " pending");
            if (pending > 0) {
                warnings.add(pending + " file deletions are pending (files.get_deletions): a backup carries them "
                        + "and a restored server does them; letting them finish first leaves nothing to carry");
            }
        } catch (RuntimeException e) {
            warnings.add("file deletions not checked: " + e.getMessage());
        }
    }
}
