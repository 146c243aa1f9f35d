package io.xstore.command.queue;

import io.xstore.api.AuditEntry;
import io.xstore.api.queue.AddQueueEntryCommand;
import io.xstore.api.queue.ChangeQueueMetadataCommand;
import io.xstore.api.queue.ClearQueueCommand;
import io.xstore.api.queue.CreateQueueCommand;
import io.xstore.api.queue.DeleteQueueCommand;
import io.xstore.api.queue.MoveQueueEntryCommand;
import io.xstore.api.queue.PopQueueEntryCommand;
import io.xstore.api.queue.QueueClearedEvent;
import io.xstore.api.queue.QueueCreatedEvent;
import io.xstore.api.queue.QueueDeletedEvent;
import io.xstore.api.queue.QueueDisplayNameChangedEvent;
import io.xstore.api.queue.QueueEntry;
import io.xstore.api.queue.QueueEntryAddedEvent;
import io.xstore.api.queue.QueueEntryMovedEvent;
import io.xstore.api.queue.QueueEntryPoppedEvent;
import io.xstore.api.queue.QueueEntryRemovedEvent;
import io.xstore.api.queue.QueueMetadataChangedEvent;
import io.xstore.api.queue.QueueRenamedEvent;
import io.xstore.api.queue.QueueSystemTagsChangedEvent;
import io.xstore.api.queue.QueueTagsChangedEvent;
import io.xstore.api.queue.RemoveQueueEntryCommand;
import io.xstore.api.queue.UpdateQueueCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A queue of tasks waiting for a worker (docs/api/queues.md). Its entries are its state, so every change to them is
 * one of its events, and Axon's per-aggregate lock runs one command at a time on a queue: two workers calling
 * queues.get_next_task together are served one after the other, and each entry is popped once.
 */
@Aggregate(cache = "queueAggregateCache")
public class QueueAggregate {

    @AggregateIdentifier
    private String id;
    private String company;
    private String name;
    private String displayName;
    private List<String> tags;
    private List<String> systemTags;
    private Map<String, Object> metadata;
    private final List<QueueEntry> entries = new ArrayList<>();

    protected QueueAggregate() {
        // required by Axon
    }

    @CommandHandler
    public QueueAggregate(CreateQueueCommand command) {
        apply(new QueueCreatedEvent(command.queueId(), QueueErrors.checkName(command.name()),
                command.displayName(), list(command.tags()), list(command.systemTags()),
                command.metadata() == null ? Map.of() : command.metadata(), command.audit()));
    }

    @CommandHandler
    public void handle(UpdateQueueCommand command) {
        assertOwnedBy(command.audit());
        AuditEntry audit = command.audit();
        if (command.name() != null && !QueueErrors.checkName(command.name()).equals(name)) {
            apply(new QueueRenamedEvent(id, command.name().trim(), audit));
        }
        if (command.displayName() != null && !command.displayName().equals(displayName)) {
            apply(new QueueDisplayNameChangedEvent(id, command.displayName(), audit));
        }
        if (command.tags() != null && !command.tags().equals(tags)) {
            apply(new QueueTagsChangedEvent(id, List.copyOf(command.tags()), audit));
        }
        if (command.systemTags() != null && !command.systemTags().equals(systemTags)) {
            apply(new QueueSystemTagsChangedEvent(id, List.copyOf(command.systemTags()), audit));
        }
        if (command.metadata() != null && !command.metadata().equals(metadata)) {
            List<String> removed = metadata.keySet().stream().filter(k -> !command.metadata().containsKey(k))
                    .toList();
            apply(new QueueMetadataChangedEvent(id, command.metadata(), removed, command.metadata(), audit));
        }
    }

    @CommandHandler
    public void handle(ChangeQueueMetadataCommand command) {
        assertOwnedBy(command.audit());
        Map<String, Object> after = new LinkedHashMap<>(command.replace() ? Map.of() : metadata);
        Map<String, Object> changed = new LinkedHashMap<>();
        if (command.items() != null) {
            command.items().forEach((key, item) -> {
                if (!Objects.equals(metadata.get(key), item)) {
                    changed.put(key, item);
                }
                after.put(key, item);
            });
        }
        List<String> removed = new ArrayList<>();
        if (command.removedKeys() != null) {
            for (String key : command.removedKeys()) {
                if (after.remove(key) != null) {
                    removed.add(key);
                }
            }
        }
        if (command.replace()) {
            metadata.keySet().stream().filter(k -> !after.containsKey(k)).forEach(removed::add);
        }
        if (!changed.isEmpty() || !removed.isEmpty()) {
            apply(new QueueMetadataChangedEvent(id, changed, List.copyOf(removed), after, command.audit()));
        }
    }

    @CommandHandler
    public List<String> handle(DeleteQueueCommand command) {
        assertOwnedBy(command.audit());
        if (!entries.isEmpty() && !command.force()) {
            throw QueueErrors.notEmpty(id, entries.size());
        }
        List<String> tasks = taskIds();
        apply(new QueueDeletedEvent(id, tasks, command.audit()));
        return tasks;
    }

    @CommandHandler
    public int handle(AddQueueEntryCommand command) {
        addEntry(command.taskId(), command.audit());
        return entries.size() - 1;
    }

    @CommandHandler
    public boolean handle(RemoveQueueEntryCommand command) {
        return removeEntry(command.taskId(), command.ifPresent(), command.audit());
    }

    @CommandHandler
    public int handle(MoveQueueEntryCommand command) {
        assertOwnedBy(command.audit());
        int from = indexOf(command.taskId());
        if (from < 0) {
            throw QueueErrors.notQueued(id, command.taskId());
        }
        int to = switch (command.move()) {
            case TO_FRONT -> 0;
            case TO_BACK -> entries.size() - 1;
            case BY_COUNT -> Math.max(0, Math.min(entries.size() - 1, from + command.count()));
        };
        if (to != from) {
            apply(new QueueEntryMovedEvent(id, command.taskId(), from, to, command.audit()));
        }
        return to;
    }

    /** The first entry, handed to the calling worker; null when the queue is empty. */
    @CommandHandler
    public QueueEntry handle(PopQueueEntryCommand command) {
        assertOwnedBy(command.audit());
        if (entries.isEmpty()) {
            return null;
        }
        QueueEntry first = entries.get(0);
        apply(new QueueEntryPoppedEvent(id, first.task(), first.added(),
                Objects.requireNonNullElse(command.worker(), ""), command.audit()));
        return first;
    }

    @CommandHandler
    public List<String> handle(ClearQueueCommand command) {
        assertOwnedBy(command.audit());
        List<String> tasks = taskIds();
        if (!tasks.isEmpty()) {
            apply(new QueueClearedEvent(id, tasks, command.audit()));
        }
        return tasks;
    }

    // ---- used by the task-and-queue coordinator (same unit of work as the task's event) ----

    /** Appends the task; 400/706 when it is already in this queue. */
    public void addEntry(String taskId, AuditEntry audit) {
        assertOwnedBy(audit);
        if (indexOf(taskId) >= 0) {
            throw QueueErrors.alreadyQueued(id, taskId);
        }
        apply(new QueueEntryAddedEvent(id, taskId, audit.at(), audit));
    }

    /** Removes the task; when absent: false if {@code ifPresent}, else 400/703. */
    public boolean removeEntry(String taskId, boolean ifPresent, AuditEntry audit) {
        assertOwnedBy(audit);
        if (indexOf(taskId) < 0) {
            if (ifPresent) {
                return false;
            }
            throw QueueErrors.notQueued(id, taskId);
        }
        apply(new QueueEntryRemovedEvent(id, taskId, audit));
        return true;
    }

    public boolean contains(String taskId) {
        return indexOf(taskId) >= 0;
    }

    public void assertOwnedBy(AuditEntry audit) {
        if (!company.equals(audit.companyId())) {
            throw QueueErrors.invalidQueueId(id);
        }
    }

    List<QueueEntry> entries() {
        return List.copyOf(entries);
    }

    String name() {
        return name;
    }

    private int indexOf(String taskId) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).task().equals(taskId)) {
                return i;
            }
        }
        return -1;
    }

    private List<String> taskIds() {
        return entries.stream().map(QueueEntry::task).toList();
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    // ---- state ----

    @EventSourcingHandler
    void on(QueueCreatedEvent event) {
        id = event.queueId();
        company = event.audit().companyId();
        name = event.name();
        displayName = event.displayName();
        tags = event.tags();
        systemTags = event.systemTags();
        metadata = new LinkedHashMap<>(event.metadata() == null ? Map.of() : event.metadata());
    }

    @EventSourcingHandler
    void on(QueueRenamedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(QueueDisplayNameChangedEvent event) {
        displayName = event.displayName();
    }

    @EventSourcingHandler
    void on(QueueTagsChangedEvent event) {
        tags = event.tags();
    }

    @EventSourcingHandler
    void on(QueueSystemTagsChangedEvent event) {
        systemTags = event.systemTags();
    }

    @EventSourcingHandler
    void on(QueueMetadataChangedEvent event) {
        metadata = new LinkedHashMap<>(event.metadata());
    }

    @EventSourcingHandler
    void on(QueueEntryAddedEvent event) {
        entries.add(new QueueEntry(event.taskId(), event.added()));
    }

    @EventSourcingHandler
    void on(QueueEntryRemovedEvent event) {
        entries.removeIf(e -> e.task().equals(event.taskId()));
    }

    @EventSourcingHandler
    void on(QueueEntryPoppedEvent event) {
        entries.removeIf(e -> e.task().equals(event.taskId()));
    }

    @EventSourcingHandler
    void on(QueueEntryMovedEvent event) {
        QueueEntry entry = entries.remove(event.from());
        entries.add(event.to(), entry);
    }

    @EventSourcingHandler
    void on(QueueClearedEvent event) {
        entries.clear();
    }

    @EventSourcingHandler
    void on(QueueDeletedEvent event) {
        markDeleted();
    }
}
