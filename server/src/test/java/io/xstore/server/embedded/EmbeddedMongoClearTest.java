package io.xstore.server.embedded;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.xstore.projection.store.ReadModelStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A replay empties a read model by dropping its collection and creating its indexes again; on the embedded MongoDB
 * file that leaves an empty collection with the same indexes (a unique one still enforced), also after a restart.
 */
class EmbeddedMongoClearTest {

    @TempDir
    Path dir;

    @Test
    void aClearedCollectionKeepsItsIndexes() throws Exception {
        EmbeddedMongo first = new EmbeddedMongo(dir, 0);
        List<String> before;
        try (MongoClient client = MongoClients.create(first.start())) {
            MongoDatabase database = client.getDatabase("xstore");
            MongoCollection<Document> things = database.getCollection("things");
            things.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).name("key_unique"));
            things.createIndex(Indexes.descending("rank"));
            for (int i = 0; i < 500; i++) {
                things.insertOne(new Document("_id", "t" + i).append("key", "k" + i).append("rank", i));
            }
            before = indexNames(things);

            ReadModelStore store = new ReadModelStore(database);
            try (ReadModelStore.Batch batch = store.open()) {
                store.collection("things").clear();
                batch.flush();
            }

            assertThat(things.countDocuments()).isZero();
            assertThat(indexNames(things)).containsExactlyInAnyOrderElementsOf(before);
            things.insertOne(new Document("_id", "a").append("key", "same"));
            assertThatThrownBy(() -> things.insertOne(new Document("_id", "b").append("key", "same")))
                    .isInstanceOf(MongoWriteException.class);
        } finally {
            first.close();
        }

        EmbeddedMongo second = new EmbeddedMongo(dir, 0);
        try (MongoClient client = MongoClients.create(second.start())) {
            MongoCollection<Document> things = client.getDatabase("xstore").getCollection("things");
            assertThat(things.countDocuments()).isEqualTo(1);
            assertThat(indexNames(things)).containsExactlyInAnyOrderElementsOf(before);
        } finally {
            second.close();
        }
    }

    private static List<String> indexNames(MongoCollection<Document> collection) {
        List<String> names = new ArrayList<>();
        collection.listIndexes().forEach(index -> names.add(index.getString("name")));
        return names;
    }
}
