package io.xstore.server.queues;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.xstore.api.AuditEntry;
import io.xstore.api.queue.CreateQueueCommand;
import io.xstore.protocol.ConsistencyBarrier;
import io.xstore.readmodel.Collections;
import io.xstore.server.auth.AuthProperties;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The queues every installation has from its first start (docs/api/queues.md, "System queues"): {@code default}
 * (system tag {@code default}, where tasks.enqueue without a queue goes) and {@code services} (long-running service
 * tasks). Each has a fixed id derived from company and name and is created by the system actor only if its event
 * stream does not exist yet, so it is created once: a restart changes nothing, and a queue a user deleted stays
 * deleted.
 */
@Component
public class SystemQueues {

    private static final Logger log = LoggerFactory.getLogger(SystemQueues.class);
    static final Map<String, List<String>> QUEUES = Map.of("default", List.of("default"), "services", List.of());

    private final CommandGateway commands;
    private final ConsistencyBarrier barrier;
    private final MongoDatabase database;

    public SystemQueues(CommandGateway commands, ConsistencyBarrier barrier, MongoDatabase database) {
        this.commands = commands;
        this.barrier = barrier;
        this.database = database;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void ensure() {
        barrier.awaitProjections();
        String company = AuthProperties.DEFAULT_COMPANY_ID;
        AuditEntry system = AuditEntry.system(company, java.time.Instant.now(), "system-queues");
        for (String name : List.of("default", "services")) {
            String id = idOf(company, name);
            boolean present = database.getCollection(Collections.QUEUES).countDocuments(Filters.or(
                    Filters.eq("_id", id), Filters.and(Filters.eq("company", company), Filters.eq("name", name)))) > 0;
            if (present) {
                continue;
            }
            try {
                commands.sendAndWait(new CreateQueueCommand(id, name, null, List.of(), QUEUES.get(name), Map.of(),
                        system));
                log.info("Created the {} queue ({})", name, id);
            } catch (RuntimeException e) {
                log.info("The {} queue ({}) was created before and deleted since; not created again", name, id);
            }
        }
        barrier.awaitProjections();
    }

    /** The fixed id of a system queue: 32 hex characters from company and name. */
    public static String idOf(String company, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest(("queue:" + company + ":" + name).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
