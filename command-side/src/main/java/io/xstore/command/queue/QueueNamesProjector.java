package io.xstore.command.queue;

import io.xstore.api.queue.QueueCreatedEvent;
import io.xstore.api.queue.QueueDeletedEvent;
import io.xstore.api.queue.QueueRenamedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link QueueNames} in step with the queue events, in a subscribing processor (see
 * {@link QueueWriteConfiguration}) whose errors propagate: a duplicate name refuses the command that made it.
 */
@Component
@ProcessingGroup(QueueNamesProjector.PROCESSING_GROUP)
public class QueueNamesProjector {

    public static final String PROCESSING_GROUP = "queue-names";

    private final QueueNames names;

    public QueueNamesProjector(QueueNames names) {
        this.names = names;
    }

    @EventHandler
    void on(QueueCreatedEvent event) {
        names.add(event.queueId(), event.audit().companyId(), event.name());
    }

    @EventHandler
    void on(QueueRenamedEvent event) {
        names.rename(event.queueId(), event.name());
    }

    @EventHandler
    void on(QueueDeletedEvent event) {
        names.remove(event.queueId());
    }
}
