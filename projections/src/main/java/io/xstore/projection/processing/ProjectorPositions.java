package io.xstore.projection.processing;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.xstore.projection.store.DirectDocumentWrites;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;
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
    private final DirectDocumentWrites direct;

    public ProjectorPositions(MongoDatabase database) {
        this(database, DirectDocumentWrites.NONE);
    }

    /** Positions saved {@link DirectDocumentWrites directly} into the server where it takes them. */
    @Autowired
    public ProjectorPositions(MongoDatabase database, DirectDocumentWrites direct) {
        this.positions = database.getCollection(COLLECTION);
        this.direct = direct;
    }

    public OptionalLong load(String projector) {
        Document stored = positions.find(Filters.eq("_id", projector)).first();
        return stored == null ? OptionalLong.empty() : OptionalLong.of(((Number) stored.get(POSITION)).longValue());
    }

    public void save(String projector, long position) {
        Document saved = new Document("_id", projector).append(POSITION, position).append("updated", new Date());
        if (direct != DirectDocumentWrites.NONE) {
            MongoNamespace namespace = positions.getNamespace();
            if (direct.write(namespace.getDatabaseName(), namespace.getCollectionName(),
                    List.of(DirectDocumentWrites.replace(projector, saved, positions.getCodecRegistry())))) {
                return;
            }
        }
        positions.replaceOne(Filters.eq("_id", projector), saved, new ReplaceOptions().upsert(true));
    }

    /** Drops the stored position: the projector starts as new (its read models emptied and replayed). */
    public void forget(String projector) {
        positions.deleteOne(Filters.eq("_id", projector));
    }
}
