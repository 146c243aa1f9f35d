package io.xstore.server.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** mongo-java-server with its H2 (MVStore) backend: a MongoDB wire-compatible server persisted in one file. */
final class EmbeddedMongo implements EmbeddedService {

    private final Path dir;
    private final int port;
    private MongoServer server;

    EmbeddedMongo(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    @Override
    public String start() throws Exception {
        Files.createDirectories(dir);
        server = new MongoServer(new H2Backend(dir.resolve("mongo.mv.db").toString()));
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    @Override
    public Path dataPath() {
        return dir;
    }

    /** Shutting the server down closes the backend, which commits and closes the MVStore file. */
    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }
}
