package io.xstore.server.embedded;

/** The backing services the server needs, in start order (shutdown runs in reverse). */
public enum BackingService {
    MONGODB("mongodb", "xstore.mongo.uri"),
    ELASTICSEARCH("elasticsearch", "xstore.elastic.url"),
    KAFKA("kafka", "xstore.kafka.bootstrap-servers");

    private final String displayName;
    private final String endpointProperty;

    BackingService(String displayName, String endpointProperty) {
        this.displayName = displayName;
        this.endpointProperty = endpointProperty;
    }

    public String displayName() {
        return displayName;
    }

    /** The property that names an external service, and that carries the endpoint of the running one. */
    public String endpointProperty() {
        return endpointProperty;
    }
}
