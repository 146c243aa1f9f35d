package io.xstore.command.eventstore;

import org.axonframework.common.DateTimeUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One-time carry-over of the events of the legacy Axon JPA store (H2 file {@code <data-dir>/eventstore/axon.mv.db},
 * table {@code DOMAIN_EVENT_ENTRY}) into a new, empty file event log. Rows are copied in {@code GLOBAL_INDEX} order
 * with their payload and metadata bytes untouched; they get dense new indexes from 0 (so positions of the old store,
 * e.g. in its token table, do not carry over). Snapshots are not copied.
 * <p>
 * Run it before the file event store is opened and before anything else opens the H2 file. When done, the H2 file is
 * renamed to {@code axon.mv.db.migrated-<timestamp>}, so the next start has nothing to import. A marker file in the
 * log directory tells an interrupted import (log partly filled, H2 file still there) from a log that has real
 * events; the former is emptied and started over, the latter is refused.
 */
public final class LegacyJpaEventStoreImport {

    static final String MARKER = "legacy-import.in-progress";
    private static final int BATCH_EVENTS = 1000;
    private static final long PROGRESS_EVERY_NANOS = 3_000_000_000L;
    private static final String SELECT = "SELECT GLOBAL_INDEX, EVENT_IDENTIFIER, META_DATA, PAYLOAD,"
            + " PAYLOAD_REVISION, PAYLOAD_TYPE, TIME_STAMP, AGGREGATE_IDENTIFIER, SEQUENCE_NUMBER, TYPE"
            + " FROM DOMAIN_EVENT_ENTRY ORDER BY GLOBAL_INDEX";

    /** What an import did. */
    public record Summary(long events, double seconds, Path renamedTo) {
    }

    private final Path legacyDbFile;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Path logDirectory;

    /** Imports from the H2 file {@code legacyDbFile} (…/axon.mv.db) as user {@code sa} with an empty password. */
    public LegacyJpaEventStoreImport(Path legacyDbFile, Path logDirectory) {
        this(legacyDbFile, h2Url(legacyDbFile), "sa", "", logDirectory);
    }

    public LegacyJpaEventStoreImport(Path legacyDbFile, String jdbcUrl, String user, String password,
                                     Path logDirectory) {
        this.legacyDbFile = legacyDbFile.toAbsolutePath();
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.logDirectory = logDirectory;
    }

    /** Where the legacy server kept its event store under its data directory. */
    public static Path legacyDbFile(Path dataDir) {
        return dataDir.resolve("eventstore").resolve("axon.mv.db");
    }

    /** {@code jdbc:h2:file:<path without .mv.db>;DB_CLOSE_ON_EXIT=FALSE}, the URL the legacy server used. */
    public static String h2Url(Path legacyDbFile) {
        String path = legacyDbFile.toAbsolutePath().toString();
        if (path.endsWith(".mv.db")) {
            path = path.substring(0, path.length() - ".mv.db".length());
        }
        return "jdbc:h2:file:" + path + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    public boolean isNeeded() {
        return Files.exists(legacyDbFile);
    }

    /**
     * Imports if the legacy file is there; otherwise does nothing and returns empty. Progress lines (count, rate)
     * go to {@code progress} every few seconds.
     */
    public Optional<Summary> runIfNeeded(Consumer<String> progress) {
        try {
            if (!isNeeded()) {
                // a crash between retiring the H2 file and removing the marker left it behind: the import is done
                Files.deleteIfExists(logDirectory.resolve(MARKER));
                return Optional.empty();
            }
            return Optional.of(run(progress));
        } catch (IOException e) {
            throw new UncheckedIOException("importing the legacy event store " + legacyDbFile + " failed", e);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the legacy event store " + legacyDbFile + " failed", e);
        }
    }

    private Summary run(Consumer<String> progress) throws IOException, SQLException {
        long started = System.nanoTime();
        prepareEmptyLog(progress);
        long copied;
        try (EventLog log = EventLog.open(logDirectory, FsyncPolicy.NEVER, EventLog.DEFAULT_SEGMENT_BYTES)) {
            copied = copy(log, progress, started);
        }
        Path renamedTo = retireLegacyFiles();
        Files.delete(logDirectory.resolve(MARKER));
        FileSync.directory(logDirectory);
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.accept(String.format("legacy event store: imported %d events in %.1f s; %s renamed to %s",
                copied, seconds, legacyDbFile.getFileName(), renamedTo.getFileName()));
        return new Summary(copied, seconds, renamedTo);
    }

    private void prepareEmptyLog(Consumer<String> progress) throws IOException {
        Files.createDirectories(logDirectory);
        Path marker = logDirectory.resolve(MARKER);
        List<Path> logFiles = logFiles();
        boolean hasEvents = false;
        for (Path file : logFiles) {
            hasEvents |= Files.size(file) > 0;
        }
        if (hasEvents && !Files.exists(marker)) {
            throw new IllegalStateException("both the legacy event store " + legacyDbFile
                    + " and a non-empty event log in " + logDirectory + " exist, and no import was under way;"
                    + " refusing to overwrite either (move one of them away)");
        }
        if (Files.exists(marker) && !logFiles.isEmpty()) {
            progress.accept("legacy event store: an earlier import was interrupted; starting over");
        }
        if (!Files.exists(marker)) {
            Files.createFile(marker);
            FileSync.directory(logDirectory);
        }
        for (Path file : logFiles) {
            Files.delete(file);
        }
        FileSync.directory(logDirectory);
    }

    private List<Path> logFiles() throws IOException {
        try (Stream<Path> listing = Files.list(logDirectory)) {
            return listing.filter(path -> {
                String name = path.getFileName().toString();
                return Segment.NAME.matcher(name).matches() || name.equals(SnapshotFile.FILE_NAME);
            }).toList();
        }
    }

    private long copy(EventLog log, Consumer<String> progress, long started) throws SQLException {
        loadH2Driver();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            connection.setAutoCommit(false);
            long total = count(connection);
            progress.accept("legacy event store: importing " + total + " events from " + legacyDbFile);
            if (total == 0) {
                return 0;
            }
            long copied = 0;
            long lastReport = System.nanoTime();
            CompletableFuture<Long> inFlight = null;
            List<PendingEvent> batch = new ArrayList<>(BATCH_EVENTS);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(BATCH_EVENTS);
                try (ResultSet rows = statement.executeQuery(SELECT)) {
                    while (rows.next()) {
                        batch.add(toEvent(rows));
                        if (batch.size() == BATCH_EVENTS) {
                            // one batch written while the next is read
                            await(inFlight);
                            inFlight = log.submit(batch);
                            copied += batch.size();
                            batch = new ArrayList<>(BATCH_EVENTS);
                        }
                        if (System.nanoTime() - lastReport > PROGRESS_EVERY_NANOS) {
                            lastReport = System.nanoTime();
                            double seconds = (lastReport - started) / 1e9;
                            progress.accept(String.format("legacy event store: %d of %d events imported (%.0f/s)",
                                    copied, total, copied / seconds));
                        }
                    }
                }
            }
            await(inFlight);
            if (!batch.isEmpty()) {
                await(log.submit(batch));
                copied += batch.size();
            }
            if (log.head() + 1 != copied) {
                throw new IllegalStateException("legacy import wrote " + (log.head() + 1) + " events, read "
                        + copied);
            }
            return copied;
        }
    }

    private static PendingEvent toEvent(ResultSet row) throws SQLException {
        return PendingEvent.of(row.getString("TYPE"), row.getString("AGGREGATE_IDENTIFIER"),
                row.getLong("SEQUENCE_NUMBER"), row.getString("EVENT_IDENTIFIER"),
                DateTimeUtils.parseInstant(row.getString("TIME_STAMP")), row.getString("PAYLOAD_TYPE"),
                row.getString("PAYLOAD_REVISION"), row.getBytes("PAYLOAD"), row.getBytes("META_DATA"));
    }

    private static long count(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "DOMAIN_EVENT_ENTRY", null)) {
            if (!tables.next()) {
                return 0;
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM DOMAIN_EVENT_ENTRY")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void await(CompletableFuture<Long> inFlight) {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the legacy events could not be written to the new log: "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    private Path retireLegacyFiles() throws IOException {
        String suffix = ".migrated-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path renamed = legacyDbFile.resolveSibling(legacyDbFile.getFileName() + suffix);
        Files.move(legacyDbFile, renamed);
        String name = legacyDbFile.getFileName().toString();
        if (name.endsWith(".mv.db")) {
            Path trace = legacyDbFile.resolveSibling(name.replace(".mv.db", ".trace.db"));
            if (Files.exists(trace)) {
                Files.move(trace, trace.resolveSibling(trace.getFileName() + suffix));
            }
        }
        FileSync.directory(legacyDbFile.getParent());
        return renamed;
    }

    private static void loadH2Driver() {
        try {
            Class.forName("org.h2.Driver", true, LegacyJpaEventStoreImport.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            // another driver for the given URL may be registered; DriverManager says so if not
        }
    }
}
