package io.xstore.server.consistency;

import com.mongodb.client.model.Filters;
import io.xstore.api.AuditEntry;
import io.xstore.api.user.CreateUserCommand;
import io.xstore.protocol.ConsistencyBarrier;
import io.xstore.readmodel.Collections;
import io.xstore.server.ServerTestSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole write path without HTTP: a command becomes a stored event, which a projection writes to MongoDB. */
class CommandToReadModelIT extends ServerTestSupport {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    ConsistencyBarrier barrier;

    @Test
    void aCommandsEventIsStoredAndProjectedIntoTheReadModel() {
        String userId = UUID.randomUUID().toString().replace("-", "");
        AuditEntry audit = AuditEntry.system("test-call");

        commands.sendAndWait(new CreateUserCommand(userId, "projected user", "c1", "company one",
                "p@example.com", "user", null, null, audit));
        barrier.awaitProjections();

        assertThat(eventStore.readEvents(userId).asStream())
                .singleElement()
                .satisfies(event -> assertThat(event.getPayloadType().getSimpleName()).isEqualTo("UserCreatedEvent"));
        Document user = mongoDatabase.getCollection(Collections.USERS).find(Filters.eq("_id", userId)).first();
        assertThat(user).isNotNull();
        assertThat(user.getString("name")).isEqualTo("projected user");
        assertThat(user.getString("company")).isEqualTo("c1");
    }
}
