package io.xstore.migration.ops.backup;

import io.xstore.command.eventstore.EventLogFiles;
import io.xstore.migration.ops.DataDirFormat;
import io.xstore.migration.ops.DataDirs;
import io.xstore.migration.ops.Progress;
import io.xstore.migration.ops.ServerVersion;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * {@code ops backup}: an online, consistent snapshot of what cannot be rebuilt: the event store (the valid prefix of
 * its segments as they are when the backup begins), the metric event log (every record committed when the backup
 * begins), the file server's storage and the file deletions ({@link FileDeletionsArchive}). The read models and indices are not copied: a restored server rebuilds
 * them. Everything acknowledged before the backup began is in it; what is written during it may be in it or not.
 */
public final class Backup {

    /**
     * Where the pieces are, the running server's Kafka (null: no metric log to export) and MongoDB (null: no file
     * deletions to export).
     */
    public record Sources(Path dataDir, Path filesRoot, String kafkaBootstrap, String topic, String mongoUri) {
    }

    private final Sources sources;
    private final PrintStream out;

    public Backup(Sources sources, PrintStream out) {
        this.sources = sources;
        this.out = out;
    }

    /** Writes the backup into {@code target} (new or empty); returns its manifest. */
    public Properties run(Path target) {
        if (!DataDirs.isEmpty(target)) {
            throw new IllegalArgumentException("backup target " + target + " is not empty");
        }
        long started = System.nanoTime();
        Properties manifest = new Properties();
        manifest.setProperty(BackupManifest.CREATED, Instant.now().toString());
        manifest.setProperty(BackupManifest.WRITTEN_BY, ServerVersion.current());
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + target, e);
        }
        if (sources.mongoUri() != null) {
            // before the event store: the cleanup position read here is then within the copied events, and the
            // restored server records the deletions of the events after it again
            FileDeletionsArchive.Exported deletions = FileDeletionsArchive.export(sources.mongoUri(),
                    target.resolve(BackupManifest.FILE_DELETIONS));
            out.println("backup: file deletions: " + deletions.documents() + " (" + deletions.pending()
                    + " pending), file cleanup at event " + deletions.position());
            manifest.setProperty(BackupManifest.DELETIONS, Long.toString(deletions.documents()));
            manifest.setProperty(BackupManifest.DELETIONS_PENDING, Long.toString(deletions.pending()));
            manifest.setProperty(BackupManifest.DELETIONS_SHA, deletions.sha256());
            manifest.setProperty(BackupManifest.DELETIONS_POSITION, Long.toString(deletions.position()));
        }
        // the segment sizes and the metric log's end offsets are each fixed when their copy starts, after the backup
        // began: everything acknowledged before it began is inside them
        Progress events = Progress.onStderr("backup: event store", "events", 0);
        EventLogFiles.Summary copied = EventLogFiles.copyPrefix(DataDirs.eventLog(sources.dataDir()),
                target.resolve(BackupManifest.EVENT_LOG), events::at);
        out.println(events.summary(DataDirs.human(copied.bytes()) + ", last index " + copied.lastIndex()));
        manifest.setProperty(BackupManifest.EVENTS, Long.toString(copied.records()));
        manifest.setProperty(BackupManifest.EVENTS_BYTES, Long.toString(copied.bytes()));
        manifest.setProperty(BackupManifest.EVENTS_CRC, Long.toString(copied.checksum()));
        manifest.setProperty(BackupManifest.EVENTS_LAST, Long.toString(copied.lastIndex()));
        manifest.setProperty(BackupManifest.FORMAT, Integer.toString(
                DataDirFormat.read(sources.dataDir(), copied.records() > 0).format()));

        if (sources.kafkaBootstrap() != null) {
            Progress offsets = Progress.onStderr("backup: metric event log", "offsets", 0);
            MetricLogArchive.Exported exported = MetricLogArchive.export(sources.kafkaBootstrap(), sources.topic(),
                    target.resolve(BackupManifest.METRIC_LOG), offsets);
            out.println(offsets.summary(exported.records() + " records in " + exported.endOffsets().size()
                    + " partitions, " + DataDirs.human(exported.bytes()) + " gzipped"));
            manifest.setProperty(BackupManifest.METRIC_RECORDS, Long.toString(exported.records()));
            manifest.setProperty(BackupManifest.METRIC_SHA, exported.sha256());
            manifest.setProperty(BackupManifest.METRIC_TOPIC, sources.topic());
            manifest.setProperty(BackupManifest.METRIC_PARTITIONS, Integer.toString(exported.endOffsets().size()));
            manifest.setProperty(BackupManifest.METRIC_END_OFFSETS, exported.endOffsets().toString());
        }

        Progress files = Progress.onStderr("backup: files", "files", 0);
        FileTree.Copied tree = FileTree.copy(sources.filesRoot(), target.resolve(BackupManifest.FILES),
                target.resolve(BackupManifest.FILES_LISTING), files);
        out.println(files.summary(DataDirs.human(tree.bytes())));
        manifest.setProperty(BackupManifest.FILE_COUNT, Long.toString(tree.files()));
        manifest.setProperty(BackupManifest.FILE_BYTES, Long.toString(tree.bytes()));
        manifest.setProperty(BackupManifest.FILES_SHA, Checksums.sha256(target.resolve(BackupManifest.FILES_LISTING)));
        copySecrets(target);

        double seconds = (System.nanoTime() - started) / 1e9;
        manifest.setProperty(BackupManifest.SECONDS, String.format(Locale.ROOT, "%.1f", seconds));
        BackupManifest.write(target, manifest);
        out.println(String.format(Locale.ROOT, "backup: %s written in %.1f s: %s events, %s metric records, %s files, "
                        + "%s file deletions (%s pending), %s in all", target, seconds,
                manifest.getProperty(BackupManifest.EVENTS), manifest.getProperty(BackupManifest.METRIC_RECORDS, "no"),
                manifest.getProperty(BackupManifest.FILE_COUNT), manifest.getProperty(BackupManifest.DELETIONS, "no"),
                manifest.getProperty(BackupManifest.DELETIONS_PENDING, "0"),
                DataDirs.human(DataDirs.size(target, name -> true))));
        return manifest;
    }

    private void copySecrets(Path target) {
        Path secrets = DataDirs.secrets(sources.dataDir());
        if (!Files.isDirectory(secrets)) {
            return;
        }
        try (Stream<Path> files = Files.list(secrets)) {
            Path to = Files.createDirectories(target.resolve(BackupManifest.SECRETS));
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + secrets, e);
        }
    }
}
