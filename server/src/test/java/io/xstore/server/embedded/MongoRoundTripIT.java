package io.xstore.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.xstore.server.ServerTestSupport;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MongoRoundTripIT extends ServerTestSupport {

    @Test
    void aDocumentWrittenThroughTheDriverIsReadBack() {
        MongoCollection<Document> collection = mongoDatabase.getCollection("it_mongo_round_trip");
        String id = UUID.randomUUID().toString().replace("-", "");
        Date created = new Date();

        collection.insertOne(new Document("_id", id).append("name", "round trip").append("created", created)
                .append("tags", java.util.List.of("a", "b")));

        Document read = collection.find(Filters.eq("_id", id)).first();
        assertThat(read).isNotNull();
        assertThat(read.getString("name")).isEqualTo("round trip");
        assertThat(read.getDate("created")).isEqualTo(created);
        assertThat(read.getList("tags", String.class)).containsExactly("a", "b");
        assertThat(mongoDatabase.getName()).isEqualTo("xstore");
    }
}
