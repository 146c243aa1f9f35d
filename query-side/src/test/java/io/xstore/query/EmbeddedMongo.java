package io.xstore.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/** One in-process mongo-java-server per test JVM; every test gets a fresh database. */
public final class EmbeddedMongo {

    private static MongoServer server;
    private static MongoClient client;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private EmbeddedMongo() {
    }

    public static synchronized MongoDatabase freshDatabase() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            InetSocketAddress address = server.bind();
            client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        }
        return client.getDatabase("test" + COUNTER.incrementAndGet());
    }
}
