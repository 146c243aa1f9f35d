package io.xstore.projection.history;

import com.mongodb.client.MongoDatabase;
import io.xstore.projection.EmbeddedMongo;
import io.xstore.projection.processing.ProjectorPositions;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Read models built before the audit index existed are replayed once, so the index covers the whole store. */
class HistoryIndexUpgradeTest {

    @Test
    void readModelsWithoutTheIndexAreReplayedOnce() {
        MongoDatabase database = EmbeddedMongo.freshDatabase();
        ProjectorPositions positions = new ProjectorPositions(database);
        positions.save("read-models", 41);

        assertThat(HistoryIndexProjection.replayIfIndexMissing(database, positions, "read-models")).isTrue();
        assertThat(positions.load("read-models")).isEmpty();
    }

    @Test
    void aNewOrIndexedStoreIsLeftAlone() {
        MongoDatabase database = EmbeddedMongo.freshDatabase();
        ProjectorPositions positions = new ProjectorPositions(database);
        assertThat(HistoryIndexProjection.replayIfIndexMissing(database, positions, "read-models")).isFalse();

        positions.save("read-models", 41);
        database.getCollection(Collections.HISTORY_HEADS).insertOne(new Document("_id",
                HistoryIndexProjection.INDEX_HEAD).append("position", 41L));
        assertThat(HistoryIndexProjection.replayIfIndexMissing(database, positions, "read-models")).isFalse();
        assertThat(positions.load("read-models")).hasValue(41);
    }
}
