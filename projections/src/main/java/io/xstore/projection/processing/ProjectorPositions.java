package io.xstore.projection.processing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.OptionalLong;

/**
 * The position each projector has applied, kept in MongoDB beside the read models it describes and written after
 * them, so after a crash the stored position never claims more than the documents hold; the tail beyond it is
 * applied again, which the handlers' absolute writes make harmless.
 */
@Component
public class ProjectorPositions {

    public static final String COLLECTION = "projector_positions";
    public static final String POSITION = "position";

    private final MongoCollection<Document> positions;

    public ProjectorPositions(MongoDatabase database) {
        this.positions = database.getCollection(COLLECTION);
    }

    public OptionalLong load(String projector) {
        Document stored = positions.find(Filters.eq("_id", projector)).first();
        return stored == null ? OptionalLong.empty() : OptionalLong.of(((Number) stored.get(POSITION)).longValue());
    }

    public void save(String projector, long position) {
        positions.replaceOne(Filters.eq("_id", projector),
                new Document("_id", projector).append(POSITION, position).append("updated", new Date()),
                new ReplaceOptions().upsert(true));
    }

    /** Drops the stored position: the projector starts as new (its read models emptied and replayed). */
    public void forget(String projector) {
        positions.deleteOne(Filters.eq("_id", projector));
    }
}
