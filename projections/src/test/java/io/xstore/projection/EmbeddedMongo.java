package io.xstore.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.util.concurrent.atomic.AtomicInteger;

/** One in-process mongo-java-server per test JVM; every test gets a fresh database. */
public final class EmbeddedMongo {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static MongoClient client;

    private EmbeddedMongo() {
    }

    public static synchronized MongoDatabase freshDatabase() {
        if (client == null) {
            client = MongoClients.create(new MongoServer(new MemoryBackend()).bindAndGetConnectionString());
        }
        return client.getDatabase("test" + COUNTER.incrementAndGet());
    }
}
