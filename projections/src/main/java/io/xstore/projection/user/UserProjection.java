package io.xstore.projection.user;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.xstore.api.user.CredentialsCreatedEvent;
import io.xstore.api.user.CredentialsLabelChangedEvent;
import io.xstore.api.user.CredentialsRevokedEvent;
import io.xstore.api.user.UserCreatedEvent;
import io.xstore.api.user.UserPreferencesSetEvent;
import io.xstore.api.user.UserUpdatedEvent;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.MongoKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Writes the {@code users} and {@code credentials} read models. */
@Component
@ProcessingGroup("users")
public class UserProjection {

    private final MongoCollection<Document> users;
    private final MongoCollection<Document> credentials;

    public UserProjection(MongoDatabase database) {
        this.users = database.getCollection(Collections.USERS);
        this.credentials = database.getCollection(Collections.CREDENTIALS);
        users.createIndex(Indexes.ascending("company", "name"));
        credentials.createIndex(Indexes.ascending("user"));
    }

    @EventHandler
    void on(UserCreatedEvent event) {
        Document user = new Document("_id", event.userId())
                .append("name", event.name())
                .append("given_name", event.givenName())
                .append("family_name", event.familyName())
                .append("email", event.email())
                .append("role", event.role())
                .append("company", event.companyId())
                .append("company_name", event.companyName())
                .append("created", Date.from(event.audit().at()))
                .append("preferences", new Document());
        users.replaceOne(Filters.eq("_id", event.userId()), user, new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(UserUpdatedEvent event) {
        List<Bson> sets = new ArrayList<>();
        event.fields().forEach((field, value) -> sets.add(Updates.set(field, value)));
        users.updateOne(Filters.eq("_id", event.userId()), Updates.combine(sets));
    }

    @EventHandler
    void on(UserPreferencesSetEvent event) {
        List<Bson> sets = new ArrayList<>();
        event.preferences().forEach((dotted, value) -> sets.add(Updates.set("preferences." + escapeDotted(dotted),
                MongoKeys.toMongoValue(value))));
        if (!sets.isEmpty()) {
            users.updateOne(Filters.eq("_id", event.userId()), Updates.combine(sets));
        }
    }

    @EventHandler
    void on(CredentialsCreatedEvent event) {
        Document doc = new Document("_id", event.accessKey())
                .append("user", event.userId())
                .append("company", event.companyId())
                .append("secret_sha256", event.secretSha256())
                .append("label", event.label())
                .append("created", Date.from(event.audit().at()));
        credentials.replaceOne(Filters.eq("_id", event.accessKey()), doc, new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(CredentialsLabelChangedEvent event) {
        credentials.updateOne(Filters.eq("_id", event.accessKey()), Updates.set("label", event.label()));
    }

    @EventHandler
    void on(CredentialsRevokedEvent event) {
        credentials.deleteOne(Filters.eq("_id", event.accessKey()));
    }

    @ResetHandler
    void reset() {
        users.deleteMany(new Document());
        credentials.deleteMany(new Document());
    }

    private static String escapeDotted(String dotted) {
        return MongoKeys.escapePath(List.of(dotted.split("\\.")));
    }
}
