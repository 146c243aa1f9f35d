package io.xstore.server.auth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.xstore.command.user.CredentialGenerator;
import io.xstore.protocol.Caller;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Looks identities up in the {@code users} and {@code credentials} read models. */
@Component
public class IdentityDirectory {

    private final MongoCollection<Document> users;
    private final MongoCollection<Document> credentials;

    public IdentityDirectory(MongoDatabase database) {
        this.users = database.getCollection(Collections.USERS);
        this.credentials = database.getCollection(Collections.CREDENTIALS);
    }

    /** The owner of an access key whose secret matches; empty for an unknown key or a wrong secret. */
    public Optional<Caller> byCredentials(String accessKey, String secret) {
        Document credential = credentials.find(Filters.eq("_id", accessKey)).first();
        if (credential == null) {
            return Optional.empty();
        }
        byte[] expected = credential.getString("secret_sha256").getBytes(StandardCharsets.US_ASCII);
        byte[] actual = CredentialGenerator.sha256(secret).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, actual)) {
            return Optional.empty();
        }
        return byUserId(credential.getString("user"));
    }

    public Optional<Caller> byUserId(String userId) {
        Document user = users.find(Filters.eq("_id", userId)).first();
        if (user == null) {
            return Optional.empty();
        }
        return Optional.of(new Caller(userId, user.getString("name"), user.getString("company"),
                user.getString("company_name"), user.getString("role")));
    }

    public Optional<String> secretHash(String accessKey) {
        Document credential = credentials.find(Filters.eq("_id", accessKey)).first();
        return Optional.ofNullable(credential).map(c -> c.getString("secret_sha256"));
    }

    public long credentialCount() {
        return credentials.countDocuments();
    }
}
