package io.xstore.command.user;

import io.xstore.api.user.CreateCredentialsCommand;
import io.xstore.api.user.CreateUserCommand;
import io.xstore.api.user.DeleteUserCommand;
import io.xstore.api.user.UserDeletedEvent;
import io.xstore.api.user.CredentialsCreatedEvent;
import io.xstore.api.user.CredentialsLabelChangedEvent;
import io.xstore.api.user.CredentialsRevokedEvent;
import io.xstore.api.user.EditCredentialsCommand;
import io.xstore.api.user.RevokeCredentialsCommand;
import io.xstore.api.user.SetUserPreferencesCommand;
import io.xstore.api.user.UpdateUserCommand;
import io.xstore.api.user.UserCreatedEvent;
import io.xstore.api.user.UserPreferencesSetEvent;
import io.xstore.api.user.UserUpdatedEvent;
import io.xstore.protocol.ApiError;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/** A user and the API credentials issued to them. */
@Aggregate(cache = "userAggregateCache")
public class UserAggregate {

    @AggregateIdentifier
    private String userId;
    private String companyId;
    private final Set<String> activeKeys = new HashSet<>();

    protected UserAggregate() {
    }

    @CommandHandler
    public UserAggregate(CreateUserCommand command) {
        if (command.name() == null || command.name().isBlank()) {
            throw ApiError.VALIDATION_ERROR.toException("user name is required", Map.of("field", "name"));
        }
        apply(new UserCreatedEvent(command.userId(), command.name().trim(), command.companyId(),
                command.companyName(), command.email(), command.role(), command.givenName(), command.familyName(),
                command.audit()));
    }

    @CommandHandler
    public void handle(UpdateUserCommand command) {
        Map<String, String> fields = new LinkedHashMap<>();
        putIfPresent(fields, "name", command.name());
        putIfPresent(fields, "given_name", command.givenName());
        putIfPresent(fields, "family_name", command.familyName());
        putIfPresent(fields, "avatar", command.avatar());
        if (fields.containsKey("name") && fields.get("name").isBlank()) {
            throw ApiError.VALIDATION_ERROR.toException("user name cannot be empty", Map.of("field", "name"));
        }
        if (!fields.isEmpty()) {
            apply(new UserUpdatedEvent(userId, fields, command.audit()));
        }
    }

    @CommandHandler
    public void handle(SetUserPreferencesCommand command) {
        for (String key : command.preferences().keySet()) {
            if (key.startsWith("$") || key.contains(".$")) {
                throw ApiError.FIELDS_VALUE_ERROR.toException("preference keys may not start with $",
                        Map.of("key", key));
            }
        }
        apply(new UserPreferencesSetEvent(userId, command.preferences(), command.audit()));
    }

    @CommandHandler
    public void handle(CreateCredentialsCommand command) {
        if (activeKeys.contains(command.accessKey())) {
            throw ApiError.EXPECTED_UNIQUE_DATA.toException(Map.of("access_key", command.accessKey()));
        }
        apply(new CredentialsCreatedEvent(userId, companyId, command.accessKey(), command.secretSha256(),
                command.label(), command.audit()));
    }

    @CommandHandler
    public void handle(RevokeCredentialsCommand command) {
        requireActive(command.accessKey());
        apply(new CredentialsRevokedEvent(userId, command.accessKey(), command.audit()));
    }

    @CommandHandler
    public void handle(EditCredentialsCommand command) {
        requireActive(command.accessKey());
        apply(new CredentialsLabelChangedEvent(userId, command.accessKey(), command.label(), command.audit()));
    }

    /** Revokes every active credential, then deletes the user; a user of another company is unknown (400/301). */
    @CommandHandler
    public void handle(DeleteUserCommand command) {
        if (!companyId.equals(command.companyId())) {
            throw ApiError.INVALID_USER_ID.toException(Map.of("id", userId));
        }
        for (String accessKey : new TreeSet<>(activeKeys)) {
            apply(new CredentialsRevokedEvent(userId, accessKey, command.audit()));
        }
        apply(new UserDeletedEvent(userId, command.audit()));
    }

    private void requireActive(String accessKey) {
        if (!activeKeys.contains(accessKey)) {
            throw ApiError.INVALID_ACCESS_KEY.toException(Map.of("access_key", String.valueOf(accessKey)));
        }
    }

    private static void putIfPresent(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    @EventSourcingHandler
    void on(UserCreatedEvent event) {
        userId = event.userId();
        companyId = event.companyId();
    }

    @EventSourcingHandler
    void on(CredentialsCreatedEvent event) {
        activeKeys.add(event.accessKey());
    }

    @EventSourcingHandler
    void on(CredentialsRevokedEvent event) {
        activeKeys.remove(event.accessKey());
    }

    @EventSourcingHandler
    void on(UserDeletedEvent event) {
        markDeleted();
    }
}
