package io.xstore.server.files;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** A real MongoDB-protocol server in this JVM (the embedded server's engine, in memory) and a driver for it. */
final class InProcessMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://" + address());

    MongoDatabase database() {
        return client.getDatabase("test");
    }

    private String address() {
        var bound = server.bind();
        return bound.getHostString() + ":" + bound.getPort();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
