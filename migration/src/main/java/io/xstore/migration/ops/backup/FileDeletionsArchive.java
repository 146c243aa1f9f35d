package io.xstore.migration.ops.backup;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.xstore.migration.ops.DataDirs;
import io.xstore.projection.processing.ProjectorPositions;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The file deletions of a running server ({@code file_deletions} in its MongoDB, what {@code files.get_deletions}
 * lists), one document per line in MongoDB's extended JSON (dates stay dates), with the position the file-cleanup
 * projector had reached when they were read. That collection is state, not a read model: a deletion is recorded
 * once, when the cleanup projector (which never replays) handles the delete event. A restored server writes the
 * documents back and starts that projector at the recorded position, so the deletions of events it had not handled
 * yet are recorded by it again (a deletion's id is derived from owner and URL: nothing is there twice), and the
 * pending ones are done by its deletion worker.
 */
public final class FileDeletionsArchive {

    /** The cleanup projector's name (its processing group, {@code FileCleanupEvents} in the server). */
    public static final String CLEANUP_PROJECTOR = "file-cleanup";
    private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED)
            .build();

    /** Documents exported, how many of them pending, and the cleanup projector's position (-1: none stored). */
    public record Exported(long documents, long pending, long position, String sha256) {
    }

    private FileDeletionsArchive() {
    }

    /**
     * Reads the position first, then the documents: every deletion of an event up to the position is among them
     * (the projector stores its position after its handlers ran).
     */
    public static Exported export(String mongoUri, Path file) {
        String name = new ConnectionString(mongoUri).getDatabase();
        try (MongoClient client = MongoClients.create(mongoUri);
             BufferedWriter out = Files.newBufferedWriter(file)) {
            MongoDatabase database = client.getDatabase(name == null ? DataDirs.MONGO_DATABASE : name);
            Document stored = database.getCollection(ProjectorPositions.COLLECTION)
                    .find(Filters.eq("_id", CLEANUP_PROJECTOR)).first();
            long position = stored == null ? -1 : ((Number) stored.get(ProjectorPositions.POSITION)).longValue();
            long count = 0;
            long pending = 0;
            for (Document deletion : database.getCollection(Collections.FILE_DELETIONS).find()) {
                out.write(deletion.toJson(EXTENDED));
                out.newLine();
                count++;
                if ("pending".equals(deletion.getString("status"))) {
                    pending++;
                }
            }
            out.close();
            return new Exported(count, pending, position, Checksums.sha256(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads every document of an exported file; returns how many. */
    public static long read(Path file, Consumer<Document> each) {
        long count = 0;
        try (BufferedReader in = Files.newBufferedReader(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    each.accept(Document.parse(line));
                    count++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return count;
    }
}
