package io.xstore.projection.user;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.xstore.api.user.CredentialsCreatedEvent;
import io.xstore.api.user.CredentialsLabelChangedEvent;
import io.xstore.api.user.CredentialsRevokedEvent;
import io.xstore.api.user.UserDeletedEvent;
import io.xstore.api.user.UserCreatedEvent;
import io.xstore.api.user.UserPreferencesSetEvent;
import io.xstore.api.user.UserUpdatedEvent;
import io.xstore.projection.store.ReadModelCollection;
import io.xstore.projection.store.ReadModelStore;
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

    private final ReadModelCollection users;
    private final ReadModelCollection credentials;

    public UserProjection(ReadModelStore store) {
        this.users = store.collection(Collections.USERS);
        this.credentials = store.collection(Collections.CREDENTIALS);
        store.database().getCollection(Collections.USERS).createIndex(Indexes.ascending("company", "name"));
        store.database().getCollection(Collections.CREDENTIALS).createIndex(Indexes.ascending("user"));
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
        users.replace(event.userId(), user);
    }

    @EventHandler
    void on(UserUpdatedEvent event) {
        List<Bson> sets = new ArrayList<>();
        event.fields().forEach((field, value) -> sets.add(Updates.set(field, value)));
        users.update(event.userId(), sets);
    }

    @EventHandler
    void on(UserPreferencesSetEvent event) {
        List<Bson> sets = new ArrayList<>();
        event.preferences().forEach((dotted, value) -> sets.add(Updates.set("preferences." + escapeDotted(dotted),
                MongoKeys.toMongoValue(value))));
        if (!sets.isEmpty()) {
            users.update(event.userId(), sets);
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
        credentials.replace(event.accessKey(), doc);
    }

    @EventHandler
    void on(CredentialsLabelChangedEvent event) {
        credentials.update(event.accessKey(), List.of(Updates.set("label", event.label())));
    }

    @EventHandler
    void on(UserDeletedEvent event) {
        users.delete(event.userId());
    }

    @EventHandler
    void on(CredentialsRevokedEvent event) {
        credentials.delete(event.accessKey());
    }

    @ResetHandler
    void reset() {
        users.clear();
        credentials.clear();
    }

    private static String escapeDotted(String dotted) {
        return MongoKeys.escapePath(List.of(dotted.split("\\.")));
    }
}
