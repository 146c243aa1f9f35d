package io.xstore.projection.model;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.xstore.api.model.ModelMadePrivateEvent;
import io.xstore.api.model.ModelMadePublicEvent;
import io.xstore.api.AuditEntry;
import io.xstore.api.model.ModelMetricsRecordedEvent;
import io.xstore.projection.summary.LastMetricsUpdates;
import io.xstore.api.model.ModelArchivedEvent;
import io.xstore.api.model.ModelCreatedEvent;
import io.xstore.api.model.ModelDeletedEvent;
import io.xstore.api.model.ModelEditedEvent;
import io.xstore.api.model.ModelFields;
import io.xstore.api.model.ModelMetadataChangedEvent;
import io.xstore.api.model.ModelMovedEvent;
import io.xstore.api.model.ModelTaskUnsetEvent;
import io.xstore.api.model.ModelPublishedEvent;
import io.xstore.api.model.ModelCommentChangedEvent;
import io.xstore.api.model.ModelRenamedEvent;
import io.xstore.api.model.ModelSystemTagsChangedEvent;
import io.xstore.api.model.ModelTagsUpdatedEvent;
import io.xstore.api.model.ModelUnarchivedEvent;
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
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes the {@code models} read model in ClearML's shape ({@code docs/api/models.md}). Keys of {@code design},
 * {@code labels}, {@code metadata} and {@code ui_cache} are escaped with {@link MongoKeys}.
 */
@Component
@ProcessingGroup("models")
public class ModelProjection {

    private static final String ARCHIVED = "archived";

    private final ReadModelCollection models;

    public ModelProjection(ReadModelStore store) {
        this.models = store.collection(Collections.MODELS);
        MongoCollection<Document> indexed = store.database().getCollection(Collections.MODELS);
        indexed.createIndex(Indexes.ascending("company", "name"));
        for (String field : List.of("project", "task", "uri", "framework", "ready", "parent", "tags", "system_tags",
                "user", "created", "last_update")) {
            indexed.createIndex(Indexes.ascending(field));
        }
    }

    @EventHandler
    void on(ModelCreatedEvent event) {
        ModelFields fields = event.fields();
        Date at = Date.from(event.audit().at());
        Document model = new Document("_id", event.modelId())
                .append("name", fields.name())
                .append("uri", fields.uri())
                .append("framework", fields.framework())
                .append("design", escaped(fields.design()))
                .append("labels", escaped(fields.labels()))
                .append("ready", Boolean.TRUE.equals(fields.ready()))
                .append("task", fields.task())
                .append("project", fields.project())
                .append("parent", fields.parent())
                .append("comment", fields.comment())
                .append("tags", sorted(fields.tags()))
                .append("system_tags", sorted(fields.systemTags()))
                .append("created", fields.created() != null ? Date.from(fields.created()) : at)
                .append("last_update", at)
                .append("last_change", at)
                .append("last_changed_by", event.audit().userId())
                .append("metadata", escaped(fields.metadata()))
                .append("user", event.audit().userId())
                .append("company", event.company());
        if (fields.uiCache() != null) {
            model.append("ui_cache", escaped(fields.uiCache()));
        }
        model.values().removeIf(value -> value == null);
        models.replace(event.modelId(), model);
    }

    @EventHandler
    void on(ModelEditedEvent event) {
        ModelFields fields = event.fields();
        List<Bson> sets = new ArrayList<>();
        setIfPresent(sets, "name", fields.name());
        setIfPresent(sets, "uri", fields.uri());
        setIfPresent(sets, "framework", fields.framework());
        setIfPresent(sets, "design", fields.design() == null ? null : escaped(fields.design()));
        setIfPresent(sets, "labels", fields.labels() == null ? null : escaped(fields.labels()));
        setIfPresent(sets, "comment", fields.comment());
        setIfPresent(sets, "tags", fields.tags() == null ? null : sorted(fields.tags()));
        setIfPresent(sets, "system_tags", fields.systemTags() == null ? null : sorted(fields.systemTags()));
        setIfPresent(sets, "task", fields.task());
        setIfPresent(sets, "project", fields.project());
        setIfPresent(sets, "parent", fields.parent());
        setIfPresent(sets, "ready", fields.ready());
        setIfPresent(sets, "created", fields.created() == null ? null : Date.from(fields.created()));
        setIfPresent(sets, "ui_cache", fields.uiCache() == null ? null : escaped(fields.uiCache()));
        setIfPresent(sets, "metadata", fields.metadata() == null ? null : escaped(fields.metadata()));
        update(event.modelId(), event.audit(), sets);
    }

    @EventHandler
    void on(ModelPublishedEvent event) {
        update(event.modelId(), event.audit(), List.of(Updates.set("ready", true)));
    }

    @EventHandler
    void on(ModelArchivedEvent event) {
        TreeSet<String> tags = new TreeSet<>(systemTags(event.modelId()));
        tags.add(ARCHIVED);
        update(event.modelId(), event.audit(), List.of(Updates.set("system_tags", List.copyOf(tags))));
    }

    @EventHandler
    void on(ModelUnarchivedEvent event) {
        List<String> tags = systemTags(event.modelId()).stream().filter(tag -> !tag.equals(ARCHIVED)).toList();
        update(event.modelId(), event.audit(), List.of(Updates.set("system_tags", tags)));
    }

    @EventHandler
    void on(ModelRenamedEvent event) {
        update(event.modelId(), event.audit(), List.of(Updates.set("name", event.name())));
    }

    @EventHandler
    void on(ModelCommentChangedEvent event) {
        update(event.modelId(), event.audit(), List.of(Updates.set("comment", event.comment())));
    }

    @EventHandler
    void on(ModelSystemTagsChangedEvent event) {
        update(event.modelId(), event.audit(), List.of(Updates.set("system_tags", sorted(event.systemTags()))));
    }

    @EventHandler
    void on(ModelTagsUpdatedEvent event) {
        update(event.modelId(), event.audit(), List.of(Updates.set("tags", sorted(event.tags()))));
    }

    @EventHandler
    void on(ModelMetadataChangedEvent event) {
        update(event.modelId(), event.audit(), List.of(Updates.set("metadata", escaped(event.metadata()))));
    }

    @EventHandler
    void on(ModelMovedEvent event) {
        update(event.modelId(), event.audit(), List.of(event.project() == null ? Updates.unset("project")
                : Updates.set("project", event.project())));
    }

    @EventHandler
    void on(ModelTaskUnsetEvent event) {
        update(event.modelId(), event.audit(), List.of(Updates.unset("task")));
    }

    @EventHandler
    void on(ModelDeletedEvent event) {
        models.delete(event.modelId());
    }

    @ResetHandler
    void reset() {
        models.clear();
    }

    @EventHandler
    void on(ModelMetricsRecordedEvent event) {
        update(event.modelId(), event.audit(),
                LastMetricsUpdates.of(event.lastIteration(), event.metrics(), event.activity()));
    }

    /** Applies the changes plus the bookkeeping every user change brings. */
    private void update(String modelId, AuditEntry audit, List<Bson> changes) {
        Date at = Date.from(audit.at());
        List<Bson> sets = new ArrayList<>(changes);
        sets.add(Updates.set("last_update", at));
        sets.add(Updates.set("last_change", at));
        sets.add(Updates.set("last_changed_by", audit.userId()));
        models.update(modelId, sets);
    }

    @SuppressWarnings("unchecked")
    private List<String> systemTags(String modelId) {
        Document model = models.find(modelId);
        Object tags = model == null ? null : model.get("system_tags");
        return tags instanceof List<?> list ? (List<String>) list : List.of();
    }

    private static void setIfPresent(List<Bson> sets, String field, Object value) {
        if (value != null) {
            sets.add(Updates.set(field, value));
        }
    }

    private static Document escaped(Map<String, Object> value) {
        return value == null ? new Document() : MongoKeys.toMongo(value);
    }

    private static List<String> sorted(List<String> values) {
        return values == null ? List.of() : new TreeSet<>(values).stream().toList();
    }

    @EventHandler
    void on(ModelMadePublicEvent event) {
        update(event.modelId(), event.audit(), List.of(Updates.set("company", ""),
                Updates.set("company_origin", event.originCompany())));
    }

    @EventHandler
    void on(ModelMadePrivateEvent event) {
        update(event.modelId(), event.audit(), List.of(Updates.set("company", event.company()),
                Updates.unset("company_origin")));
    }
}
