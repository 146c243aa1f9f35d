package io.xstore.projection.replay;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.xstore.readmodel.Collections;
import org.bson.Document;

import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Which generation of the read models is live: the pointer an online replay switches (docs/operations.md). Kept in
 * MongoDB beside the read models ({@code read_model_generation}, one document); generation 0, the plain collection
 * names, when absent. The server's {@link MongoDatabase} is {@link #live()}, so every reader and the live
 * projectors follow the pointer.
 */
public final class ReadModelGeneration {

    public static final String COLLECTION = "read_model_generation";
    /** The read models the projections write; an online replay builds, compares and switches all of them. */
    public static final List<String> READ_MODELS = List.of(Collections.TASKS, Collections.PROJECTS,
            Collections.MODELS, Collections.USERS, Collections.CREDENTIALS, Collections.QUEUES,
            Collections.QUEUE_METRICS, Collections.HISTORY, Collections.HISTORY_HEADS);
    private static final String ID = "current";

    private final MongoDatabase database;
    private final MongoDatabase live;
    private volatile int number;

    private ReadModelGeneration(MongoDatabase database, int number) {
        this.database = database;
        this.number = number;
        this.live = GenerationDatabase.of(database, Set.copyOf(READ_MODELS), this::suffix);
    }

    public static ReadModelGeneration load(MongoDatabase database) {
        Document stored = database.getCollection(COLLECTION).find(Filters.eq("_id", ID)).first();
        return new ReadModelGeneration(database, stored == null ? 0 : stored.getInteger("generation", 0));
    }

    static String suffix(int generation) {
        return generation == 0 ? "" : "__g" + generation;
    }

    public int number() {
        return number;
    }

    public String suffix() {
        return suffix(number);
    }

    /** The database with the names redirected to the live generation. */
    public MongoDatabase live() {
        return live;
    }

    /** The database as it is (physical names). */
    public MongoDatabase raw() {
        return database;
    }

    void switchTo(int next) {
        database.getCollection(COLLECTION).replaceOne(Filters.eq("_id", ID), new Document("_id", ID)
                .append("generation", next).append("switched", new Date()), new ReplaceOptions().upsert(true));
        number = next;
    }
}
