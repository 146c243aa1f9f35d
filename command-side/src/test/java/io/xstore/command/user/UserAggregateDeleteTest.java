package io.xstore.command.user;

import io.xstore.api.AuditEntry;
import io.xstore.api.user.CredentialsCreatedEvent;
import io.xstore.api.user.CredentialsRevokedEvent;
import io.xstore.api.user.DeleteUserCommand;
import io.xstore.api.user.UserCreatedEvent;
import io.xstore.api.user.UserDeletedEvent;
import io.xstore.protocol.ApiException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;

/** behaviour §8 users.delete: the user's active credentials are revoked, then the user is deleted. */
class UserAggregateDeleteTest {

    private static final AuditEntry AUDIT = new AuditEntry("admin", "Admin", "company-1", Instant.EPOCH, "call-1");

    private final AggregateTestFixture<UserAggregate> fixture = new AggregateTestFixture<>(UserAggregate.class);

    private static UserCreatedEvent created() {
        return new UserCreatedEvent("user-2", "Joe", "company-1", "Company", null, "user", null, null, AUDIT);
    }

    @Test
    void deletingAUserRevokesItsCredentialsFirst() {
        fixture.given(created(), new CredentialsCreatedEvent("user-2", "company-1", "KEY1", "sha", "label", AUDIT),
                        new CredentialsCreatedEvent("user-2", "company-1", "KEY2", "sha", "label", AUDIT),
                        new CredentialsRevokedEvent("user-2", "KEY2", AUDIT))
                .when(new DeleteUserCommand("user-2", "company-1", AUDIT))
                .expectEvents(new CredentialsRevokedEvent("user-2", "KEY1", AUDIT),
                        new UserDeletedEvent("user-2", AUDIT));
    }

    @Test
    void aUserOfAnotherCompanyIsUnknown() {
        fixture.given(created())
                .when(new DeleteUserCommand("user-2", "company-2", AUDIT))
                .expectException(ApiException.class)
                .expectNoEvents();
    }
}
