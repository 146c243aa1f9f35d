package io.xstore.projection.queue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.xstore.api.AuditEntry;
import io.xstore.api.queue.QueueClearedEvent;
import io.xstore.api.queue.QueueCreatedEvent;
import io.xstore.api.queue.QueueDeletedEvent;
import io.xstore.api.queue.QueueDisplayNameChangedEvent;
import io.xstore.api.queue.QueueEntryAddedEvent;
import io.xstore.api.queue.QueueEntryMovedEvent;
import io.xstore.api.queue.QueueEntryPoppedEvent;
import io.xstore.api.queue.QueueEntryRemovedEvent;
import io.xstore.api.queue.QueueMetadataChangedEvent;
import io.xstore.api.queue.QueueRenamedEvent;
import io.xstore.api.queue.QueueSystemTagsChangedEvent;
import io.xstore.api.queue.QueueTagsChangedEvent;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@code queues} read model in ClearML's shape (docs/api/queues.md): {@code _id}, {@code name},
 * {@code display_name}, {@code user}, {@code company}, {@code created}, {@code tags}, {@code system_tags},
 * {@code entries} ({@code [{task, added}]}, first = next), {@code metadata}, {@code last_update}; and, at every change
 * of a queue's entries, a sample of its length and average waiting time in {@code queue_metrics} (for
 * queues.get_queue_metrics). Handlers set absolute values, and a sample's id is derived from its event, so a replayed
 * event changes nothing.
 */
@Component
@ProcessingGroup("queues")
public class QueueProjection {

    private final ReadModelCollection queues;
    private final ReadModelCollection metrics;

    public QueueProjection(ReadModelStore store) {
        this.queues = store.collection(Collections.QUEUES);
        this.metrics = store.collection(Collections.QUEUE_METRICS);
        MongoCollection<Document> indexed = store.database().getCollection(Collections.QUEUES);
        indexed.createIndex(Indexes.ascending("company", "name"));
        indexed.createIndex(Indexes.ascending("entries.task"));
        indexed.createIndex(Indexes.ascending("system_tags"));
        store.database().getCollection(Collections.QUEUE_METRICS)
                .createIndex(Indexes.ascending("queue", "timestamp"));
    }

    @EventHandler
    void on(QueueCreatedEvent event) {
        Date at = Date.from(event.audit().at());
        Document queue = new Document("_id", event.queueId())
                .append("name", event.name())
                .append("display_name", event.displayName())
                .append("user", event.audit().userId())
                .append("company", event.audit().companyId())
                .append("created", at)
                .append("tags", list(event.tags()))
                .append("system_tags", list(event.systemTags()))
                .append("entries", new ArrayList<Document>())
                .append("metadata", escaped(event.metadata()))
                .append("last_update", at);
        queues.replace(event.queueId(), queue);
    }

    @EventHandler
    void on(QueueRenamedEvent event) {
        update(event.queueId(), event.audit(), Updates.set("name", event.name()));
    }

    @EventHandler
    void on(QueueDisplayNameChangedEvent event) {
        update(event.queueId(), event.audit(), Updates.set("display_name", event.displayName()));
    }

    @EventHandler
    void on(QueueTagsChangedEvent event) {
        update(event.queueId(), event.audit(), Updates.set("tags", list(event.tags())));
    }

    @EventHandler
    void on(QueueSystemTagsChangedEvent event) {
        update(event.queueId(), event.audit(), Updates.set("system_tags", list(event.systemTags())));
    }

    @EventHandler
    void on(QueueMetadataChangedEvent event) {
        update(event.queueId(), event.audit(), Updates.set("metadata", escaped(event.metadata())));
    }

    @EventHandler
    void on(QueueEntryAddedEvent event) {
        List<Document> entries = entries(event.queueId());
        if (entries == null) {
            return;
        }
        if (entries.stream().noneMatch(e -> event.taskId().equals(e.getString("task")))) {
            entries.add(new Document("task", event.taskId()).append("added", Date.from(event.added())));
        }
        setEntries(event.queueId(), entries, event.audit(), "added:" + event.taskId());
    }

    @EventHandler
    void on(QueueEntryRemovedEvent event) {
        removeEntry(event.queueId(), event.taskId(), event.audit(), "removed");
    }

    @EventHandler
    void on(QueueEntryPoppedEvent event) {
        removeEntry(event.queueId(), event.taskId(), event.audit(), "popped");
    }

    @EventHandler
    void on(QueueEntryMovedEvent event) {
        List<Document> entries = entries(event.queueId());
        if (entries == null) {
            return;
        }
        Document moved = null;
        for (Document entry : entries) {
            if (event.taskId().equals(entry.getString("task"))) {
                moved = entry;
            }
        }
        if (moved != null) {
            entries.remove(moved);
            entries.add(Math.min(Math.max(0, event.to()), entries.size()), moved);
        }
        setEntries(event.queueId(), entries, event.audit(), null);
    }

    @EventHandler
    void on(QueueClearedEvent event) {
        setEntries(event.queueId(), new ArrayList<>(), event.audit(), "cleared");
    }

    @EventHandler
    void on(QueueDeletedEvent event) {
        queues.delete(event.queueId());
    }

    @ResetHandler
    void reset() {
        queues.clear();
        metrics.clear();
    }

    private void removeEntry(String queueId, String taskId, AuditEntry audit, String kind) {
        List<Document> entries = entries(queueId);
        if (entries == null) {
            return;
        }
        entries.removeIf(e -> taskId.equals(e.getString("task")));
        setEntries(queueId, entries, audit, kind + ":" + taskId);
    }

    @SuppressWarnings("unchecked")
    private List<Document> entries(String queueId) {
        Document queue = queues.find(queueId);
        if (queue == null) {
            return null;
        }
        List<Document> entries = new ArrayList<>();
        if (queue.get("entries") instanceof List<?> stored) {
            for (Object entry : stored) {
                if (entry instanceof Document doc) {
                    entries.add(new Document(doc));
                } else if (entry instanceof Map<?, ?> map) {
                    entries.add(new Document((Map<String, Object>) map));
                }
            }
        }
        return entries;
    }

    /** The new entries, and (when {@code sample} names the change) a metrics sample of the queue after it. */
    private void setEntries(String queueId, List<Document> entries, AuditEntry audit, String sample) {
        update(queueId, audit, Updates.set("entries", entries));
        if (sample == null) {
            return;
        }
        Instant at = audit.at();
        double waiting = entries.stream()
                .mapToDouble(e -> e.get("added") instanceof Date added
                        ? Math.max(0, (at.toEpochMilli() - added.getTime()) / 1000.0) : 0)
                .average().orElse(0);
        String id = queueId + ":" + at.toEpochMilli() + ":" + sample;
        metrics.replace(id, new Document("_id", id)
                .append("queue", queueId)
                .append("company", audit.companyId())
                .append("timestamp", Date.from(at))
                .append("queue_length", entries.size())
                .append("average_waiting_time", waiting));
    }

    private void update(String queueId, AuditEntry audit, Bson change) {
        queues.update(queueId, List.of(change, Updates.set("last_update", Date.from(audit.at()))));
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static Document escaped(Map<String, Object> value) {
        return value == null ? new Document() : MongoKeys.toMongo(value);
    }
}
