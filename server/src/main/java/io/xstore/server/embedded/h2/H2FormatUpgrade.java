package io.xstore.server.embedded.h2;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a file of the plain H2 backend, database by database and collection by collection with their indexes,
 * into a new file of {@link H2FileBackend}'s format, then puts the new file in its place. Both are served on
 * loopback for the copy, which goes through the MongoDB driver as any client's would. The old file is removed only
 * once the copy is complete; an interrupted upgrade starts again at the next start.
 */
final class H2FormatUpgrade {

    private static final Logger log = LoggerFactory.getLogger(H2FormatUpgrade.class);
    private static final int BATCH = 1000;

    private H2FormatUpgrade() {
    }

    static void run(Path file, Function<Path, ? extends MongoBackend> newFormat) throws IOException {
        long start = System.nanoTime();
        Path target = file.resolveSibling(file.getFileName() + ".upgrading");
        Files.deleteIfExists(target);
        log.info("embedded MongoDB: upgrading {} to the BSON storage format ...", file);
        long copied;
        MongoServer from = new MongoServer(H2FileBackend.legacy(file));
        MongoServer to = new MongoServer(newFormat.apply(target));
        try (MongoClient source = MongoClients.create(uri(from)); MongoClient sink = MongoClients.create(uri(to))) {
            copied = copyAll(source, sink);
        } finally {
            from.shutdown();
            to.shutdown();
        }
        Files.move(target, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.info("embedded MongoDB: upgraded {} documents to the BSON storage format in {} s", copied,
                String.format("%.1f", (System.nanoTime() - start) / 1e9));
    }

    private static String uri(MongoServer server) {
        return "mongodb://127.0.0.1:" + server.bind().getPort();
    }

    private static long copyAll(MongoClient source, MongoClient sink) {
        long copied = 0;
        for (String databaseName : source.listDatabaseNames()) {
            MongoDatabase from = source.getDatabase(databaseName);
            MongoDatabase to = sink.getDatabase(databaseName);
            for (String collectionName : from.listCollectionNames()) {
                if (collectionName.startsWith("system.")) {
                    continue;
                }
                to.createCollection(collectionName);
                copied += copyCollection(from.getCollection(collectionName, RawBsonDocument.class),
                        to.getCollection(collectionName, RawBsonDocument.class));
            }
        }
        return copied;
    }

    private static long copyCollection(MongoCollection<RawBsonDocument> from, MongoCollection<RawBsonDocument> to) {
        for (Document index : from.listIndexes()) {
            if (!"_id_".equals(index.getString("name"))) {
                to.createIndex(index.get("key", Document.class), new IndexOptions()
                        .name(index.getString("name"))
                        .unique(index.getBoolean("unique", false))
                        .sparse(index.getBoolean("sparse", false)));
            }
        }
        long copied = 0;
        List<RawBsonDocument> batch = new ArrayList<>(BATCH);
        for (RawBsonDocument document : from.find().batchSize(BATCH)) {
            batch.add(document);
            if (batch.size() == BATCH) {
                to.insertMany(batch);
                copied += batch.size();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            to.insertMany(batch);
            copied += batch.size();
        }
        return copied;
    }
}
