package io.xstore.migration.ops.backup;

import io.xstore.command.eventstore.EventLogFiles;
import io.xstore.migration.ops.DataDirFormat;
import io.xstore.migration.ops.DataDirs;
import io.xstore.migration.ops.Progress;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * {@code ops restore}: checks a backup (counts and checksums of every piece), copies it into an empty data
 * directory and checks the copy. The metric event log is left in {@code <data-dir>/restore/} for the first start of
 * a server there, which writes it into its topic before it takes calls ({@link #pendingMetricLog}), and so are the
 * file deletions ({@link #pendingFileDeletions}), which it registers again; that start also
 * rebuilds the read models and indices, as on any empty MongoDB and Elasticsearch.
 */
public final class Restore {

    /** Where the restored metric log waits for the first start. */
    public static final String PENDING_METRIC_LOG = "restore/" + BackupManifest.METRIC_LOG;
    /** Where the restored file deletions wait for the first start (the manifest beside them). */
    public static final String PENDING_FILE_DELETIONS = "restore/" + BackupManifest.FILE_DELETIONS;

    private final PrintStream out;

    public Restore(PrintStream out) {
        this.out = out;
    }

    /** The metric log a restore left for the server to load, if any. */
    public static Path pendingMetricLog(Path dataDir) {
        return dataDir.resolve(PENDING_METRIC_LOG);
    }

    /** The file deletions a restore left for the server to register, if any. */
    public static Path pendingFileDeletions(Path dataDir) {
        return dataDir.resolve(PENDING_FILE_DELETIONS);
    }

    /** Returns the problems found (none: restored and verified). */
    public List<String> run(Path backup, Path dataDir, Path filesRoot) {
        long started = System.nanoTime();
        Properties manifest = BackupManifest.read(backup);
        if (!DataDirs.isEmpty(DataDirs.eventLog(dataDir)) || !DataDirs.isEmpty(filesRoot)
                || Files.exists(dataDir.resolve("mongo")) || Files.exists(dataDir.resolve("kafka"))) {
            throw new IllegalArgumentException("restore target " + dataDir + " is not empty: restore into a new "
                    + "data directory");
        }
        List<String> problems = new ArrayList<>(verify(backup, manifest, backup.resolve(BackupManifest.EVENT_LOG),
                backup.resolve(BackupManifest.FILES), backup.resolve(BackupManifest.FILE_DELETIONS), "backup"));
        if (!problems.isEmpty()) {
            return problems;
        }
        Progress copy = Progress.onStderr("restore: copy", "files", 0);
        copyTree(backup.resolve(BackupManifest.EVENT_LOG), DataDirs.eventLog(dataDir), copy);
        copyTree(backup.resolve(BackupManifest.FILES), filesRoot, copy);
        copyTree(backup.resolve(BackupManifest.SECRETS), DataDirs.secrets(dataDir), copy);
        Path metricLog = backup.resolve(BackupManifest.METRIC_LOG);
        if (Files.exists(metricLog)) {
            copyFile(metricLog, pendingMetricLog(dataDir));
        }
        Path deletions = backup.resolve(BackupManifest.FILE_DELETIONS);
        if (Files.exists(deletions)) {
            copyFile(deletions, pendingFileDeletions(dataDir));
        }
        if (Files.exists(metricLog) || Files.exists(deletions)) {
            copyFile(backup.resolve(BackupManifest.FILE), dataDir.resolve("restore").resolve(BackupManifest.FILE));
        }
        int format = Integer.parseInt(manifest.getProperty(BackupManifest.FORMAT, "1"));
        // the backup's format: a first start by a newer server upgrades it
        DataDirFormat.write(dataDir, format == 0 ? DataDirFormat.CURRENT : format, 0);
        out.println(copy.summary(null));
        problems.addAll(verify(backup, manifest, DataDirs.eventLog(dataDir), filesRoot,
                pendingFileDeletions(dataDir), "restored copy"));
        out.println(String.format(Locale.ROOT, "restore: %s into %s %s in %.1f s: %s events, %s metric records "
                        + "(written into the topic by the first start), %s files, %s file deletions (%s pending, "
                        + "registered again by the first start)",
                backup, dataDir, problems.isEmpty() ? "verified" : "FAILED VERIFICATION",
                (System.nanoTime() - started) / 1e9, manifest.getProperty(BackupManifest.EVENTS),
                manifest.getProperty(BackupManifest.METRIC_RECORDS, "no"),
                manifest.getProperty(BackupManifest.FILE_COUNT),
                manifest.getProperty(BackupManifest.DELETIONS, "no"),
                manifest.getProperty(BackupManifest.DELETIONS_PENDING, "0")));
        return problems;
    }

    private List<String> verify(Path backup, Properties manifest, Path eventLog, Path files, Path deletions,
                                String what) {
        List<String> problems = new ArrayList<>();
        Progress events = Progress.onStderr("restore: verify events of the " + what, "events",
                BackupManifest.number(manifest, BackupManifest.EVENTS));
        EventLogFiles.Summary scanned = EventLogFiles.scan(eventLog, header -> events.add(1));
        if (scanned.records() != BackupManifest.number(manifest, BackupManifest.EVENTS)
                || scanned.checksum() != BackupManifest.number(manifest, BackupManifest.EVENTS_CRC)) {
            problems.add(what + ": event store holds " + scanned.records() + " events (crc32 " + scanned.checksum()
                    + "), the manifest says " + manifest.getProperty(BackupManifest.EVENTS) + " (crc32 "
                    + manifest.getProperty(BackupManifest.EVENTS_CRC) + ")");
        }
        out.println(events.summary("crc32 " + scanned.checksum()));
        Path metricLog = backup.resolve(BackupManifest.METRIC_LOG);
        if (manifest.containsKey(BackupManifest.METRIC_RECORDS) && "backup".equals(what)) {
            if (!Checksums.sha256(metricLog).equals(manifest.getProperty(BackupManifest.METRIC_SHA))) {
                problems.add(what + ": " + BackupManifest.METRIC_LOG + " checksum differs from the manifest's");
            } else if (MetricLogArchive.verify(metricLog) != BackupManifest.number(manifest,
                    BackupManifest.METRIC_RECORDS)) {
                problems.add(what + ": " + BackupManifest.METRIC_LOG + " record count differs from the manifest's");
            }
        }
        if (manifest.containsKey(BackupManifest.DELETIONS)) {
            if (!Files.exists(deletions)
                    || !Checksums.sha256(deletions).equals(manifest.getProperty(BackupManifest.DELETIONS_SHA))) {
                problems.add(what + ": " + BackupManifest.FILE_DELETIONS + " missing or its checksum differs from the "
                        + "manifest's");
            } else if (FileDeletionsArchive.read(deletions, d -> { }) != BackupManifest.number(manifest,
                    BackupManifest.DELETIONS)) {
                problems.add(what + ": " + BackupManifest.FILE_DELETIONS + " document count differs from the manifest's");
            }
        }
        Path listing = backup.resolve(BackupManifest.FILES_LISTING);
        if (!Checksums.sha256(listing).equals(manifest.getProperty(BackupManifest.FILES_SHA))) {
            problems.add(what + ": " + BackupManifest.FILES_LISTING + " checksum differs from the manifest's");
            return problems;
        }
        Map<String, String> expected = FileTree.readListing(listing);
        Progress checked = Progress.onStderr("restore: verify files of the " + what, "files", expected.size());
        List<String> wrong = FileTree.mismatches(files, expected, checked);
        wrong.stream().limit(20).forEach(w -> problems.add(what + ": file " + w));
        out.println(checked.summary(wrong.isEmpty() ? "all checksums match" : wrong.size() + " differ"));
        return problems;
    }

    private static void copyTree(Path from, Path to, Progress progress) {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                copyFile(file, to.resolve(from.relativize(file).toString()));
                progress.add(1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from, e);
        }
    }

    private static void copyFile(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}
