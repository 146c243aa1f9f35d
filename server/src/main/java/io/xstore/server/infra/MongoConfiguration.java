package io.xstore.server.infra;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.xstore.projection.replay.ReadModelGeneration;
import io.xstore.projection.store.DirectDocumentWrites;
import io.xstore.readmodel.DirectDocumentReads;
import io.xstore.server.embedded.BackingService;
import io.xstore.server.embedded.BackingServices;
import org.bson.UuidRepresentation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The MongoDB driver, connected to the embedded server or to {@code xstore.mongo.uri}. */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

    @Bean(destroyMethod = "close")
    public MongoClient mongoClient(BackingServices services) {
        ConnectionString uri = new ConnectionString(services.endpoint(BackingService.MONGODB));
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(uri)
                .applicationName("xstore")
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .build());
    }

    /**
     * Database: {@code xstore.mongo.database}, else the one named in the URI, else {@code xstore}; with the live
     * generation of the read models it holds (switched by an online replay, docs/operations.md).
     */
    @Bean
    public ReadModelGeneration readModelGeneration(MongoClient client, BackingServices services,
            @Value("${xstore.mongo.database:}") String configured) {
        String fromUri = new ConnectionString(services.endpoint(BackingService.MONGODB)).getDatabase();
        String name = !configured.isBlank() ? configured : fromUri != null ? fromUri : "xstore";
        return ReadModelGeneration.load(client.getDatabase(name));
    }

    /**
     * How tasks.get_by_id reads a document the read side holds no copy of: straight from the embedded MongoDB's file
     * when it keeps one, else (or with {@code xstore.mongo.direct-reads=false}) through the driver.
     */
    @Bean
    public DirectDocumentReads directDocumentReads(BackingServices services,
            @Value("${xstore.mongo.direct-reads:true}") boolean enabled) {
        return enabled ? services.directMongoReads() : DirectDocumentReads.NONE;
    }

    /**
     * How the projectors write the read models: straight into the embedded MongoDB's file when it keeps one, else
     * (or with {@code xstore.mongo.direct-writes=false}) through the driver.
     */
    @Bean
    public DirectDocumentWrites directDocumentWrites(BackingServices services,
            @Value("${xstore.mongo.direct-writes:true}") boolean enabled) {
        return enabled ? services.directMongoWrites() : DirectDocumentWrites.NONE;
    }

    /** The database every reader and projector uses: read-model names resolve to the live generation. */
    @Bean
    public MongoDatabase mongoDatabase(ReadModelGeneration generation) {
        return generation.live();
    }
}
