package io.xstore.migration.ops.backup;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * {@code manifest.properties} of a backup: what it holds and the counts and checksums a restore verifies. Written
 * last, so a backup without it is incomplete.
 * <pre>
 * backup/
 *   manifest.properties
 *   eventstore/log/&lt;20 digits&gt;.log   the event store's segments, a consistent prefix
 *   metric-log.bin                     the metric event log (see MetricLogArchive)
 *   files/...                          the file server's storage; files.sha256 lists every file's checksum
 *   file-deletions.jsonl               file_deletions of the server (see FileDeletionsArchive)
 *   secrets/                           the token secret (sessions stay valid after a restore)
 * </pre>
 */
public final class BackupManifest {

    static final String FILE = "manifest.properties";
    static final String EVENT_LOG = "eventstore/log";
    static final String METRIC_LOG = "metric-log.bin";
    static final String FILES = "files";
    static final String FILES_LISTING = "files.sha256";
    static final String SECRETS = "secrets";
    static final String FILE_DELETIONS = "file-deletions.jsonl";

    static final String CREATED = "created";
    static final String WRITTEN_BY = "written-by";
    static final String FORMAT = "data-dir-format";
    static final String EVENTS = "events.records";
    static final String EVENTS_BYTES = "events.bytes";
    static final String EVENTS_CRC = "events.crc32";
    static final String EVENTS_LAST = "events.last-index";
    static final String METRIC_RECORDS = "metric-log.records";
    static final String METRIC_SHA = "metric-log.sha256";
    static final String METRIC_TOPIC = "metric-log.topic";
    static final String METRIC_PARTITIONS = "metric-log.partitions";
    static final String METRIC_END_OFFSETS = "metric-log.end-offsets";
    static final String FILE_COUNT = "files.count";
    static final String FILE_BYTES = "files.bytes";
    static final String FILES_SHA = "files.listing-sha256";
    static final String SECONDS = "seconds";
    static final String DELETIONS = "file-deletions.documents";
    static final String DELETIONS_PENDING = "file-deletions.pending";
    static final String DELETIONS_SHA = "file-deletions.sha256";
    /** The file-cleanup projector's position when the deletions were read; a restored server starts it there. */
    public static final String DELETIONS_POSITION = "file-deletions.cleanup-position";

    private BackupManifest() {
    }

    static void write(Path backup, Properties manifest) {
        Path temp = backup.resolve(FILE + ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temp)) {
                manifest.store(writer, "xstore backup; restore with: ops restore --from=<this dir> --data-dir=<empty>");
            }
            Files.move(temp, backup.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manifest of " + backup, e);
        }
    }

    public static Properties read(Path backup) {
        Path file = backup.resolve(FILE);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(backup + " holds no " + FILE + ": not a backup, or an incomplete one");
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return p;
    }

    static long number(Properties p, String key) {
        return Long.parseLong(p.getProperty(key, "0"));
    }
}
