package io.xstore.server.embedded;

/** A backing service run inside this JVM, its files under the data directory. */
interface EmbeddedService extends AutoCloseable {

    /** Starts the server and returns the endpoint clients connect to (URI or host:port). */
    String start() throws Exception;

    /** The endpoint it will have, when that is fixed before {@link #start()}; null when only the start tells. */
    default String plannedEndpoint() {
        return null;
    }

    /** Where it keeps its files, for the start log line. */
    java.nio.file.Path dataPath();

    /** Stops the server and waits until its files are closed. */
    @Override
    void close();
}
