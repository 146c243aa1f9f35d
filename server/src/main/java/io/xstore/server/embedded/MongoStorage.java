package io.xstore.server.embedded;

import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * Where the embedded MongoDB keeps the read models ({@code xstore.mongo.embedded-storage}): on disk, so they are
 * there again after a restart, or in memory, rebuilt from the event store at every start.
 */
public enum MongoStorage {
    DISK,
    MEMORY;

    public static final String PROPERTY = "xstore.mongo.embedded-storage";
    public static final MongoStorage DEFAULT = DISK;

    public static MongoStorage from(Environment env) {
        String configured = env.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            return DEFAULT;
        }
        try {
            return valueOf(configured.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " must be 'disk' or 'memory', not '" + configured + "'");
        }
    }
}
