package io.xstore.server.auth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions ended by logout. Kept in MongoDB so a revocation survives a restart, and in memory so that checking a
 * token costs no round trip. Liveness-like state: not event-sourced.
 */
@Component
public class RevokedSessions {

    private final MongoCollection<Document> collection;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();

    public RevokedSessions(MongoDatabase database) {
        this.collection = database.getCollection("revoked_sessions");
        collection.find().forEach(doc -> sessions.add(doc.getString("_id")));
    }

    public void revoke(String sessionId) {
        collection.replaceOne(Filters.eq("_id", sessionId),
                new Document("_id", sessionId).append("revoked", new Date()), new ReplaceOptions().upsert(true));
        sessions.add(sessionId);
    }

    public boolean contains(String sessionId) {
        return sessionId != null && sessions.contains(sessionId);
    }
}
