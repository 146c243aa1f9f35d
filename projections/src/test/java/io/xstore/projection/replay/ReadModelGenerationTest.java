package io.xstore.projection.replay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.xstore.projection.EmbeddedMongo;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelGenerationTest {

    @Test
    void aCollectionAReaderKeepsFollowsTheSwitchOfTheLiveGeneration() {
        MongoDatabase raw = EmbeddedMongo.freshDatabase();
        raw.getCollection(Collections.TASKS).insertOne(new Document("_id", "old"));
        raw.getCollection(Collections.TASKS + "__g1").insertOne(new Document("_id", "new"));
        ReadModelGeneration generation = ReadModelGeneration.load(raw);
        MongoCollection<Document> kept = generation.live().getCollection(Collections.TASKS);

        assertThat(kept.find().first().getString("_id")).isEqualTo("old");
        generation.switchTo(1);

        assertThat(kept.find().first().getString("_id")).isEqualTo("new");
        assertThat(ReadModelGeneration.load(raw).suffix()).as("the pointer is stored").isEqualTo("__g1");
    }

    @Test
    void theLiveGenerationIsListedUnderThePlainNamesAndOtherCollectionsAreNotRedirected() {
        MongoDatabase raw = EmbeddedMongo.freshDatabase();
        raw.getCollection(Collections.PROJECTS + "__g2").insertOne(new Document("_id", "p"));
        raw.getCollection(Collections.FILE_DELETIONS).insertOne(new Document("_id", "f"));
        ReadModelGeneration generation = ReadModelGeneration.load(raw);
        generation.switchTo(2);

        List<String> names = generation.live().listCollectionNames().into(new ArrayList<>());

        assertThat(names).contains(Collections.PROJECTS, Collections.FILE_DELETIONS)
                .doesNotContain(Collections.PROJECTS + "__g2");
        assertThat(generation.live().getCollection(Collections.FILE_DELETIONS).countDocuments()).isEqualTo(1);
        assertThat(generation.live().getCollection(Collections.PROJECTS).withDocumentClass(Document.class)
                .countDocuments()).isEqualTo(1);
    }

    @Test
    void equivalenceIgnoresOnlyTheLivenessFieldsOfTasks() {
        Document live = new Document("_id", "t").append("name", "a").append("last_update", 1).append("comment", "x");
        Document replayed = new Document("_id", "t").append("name", "a").append("last_update", 2)
                .append("comment", "y");

        assertThat(ReplayEquivalence.fieldsDiffering(live, replayed,
                ReplayEquivalence.IGNORED.get(Collections.TASKS))).singleElement().asString().startsWith("comment");
    }
}
