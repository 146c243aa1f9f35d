package io.xstore.projection.project;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.xstore.api.project.ProjectMadePrivateEvent;
import io.xstore.api.project.ProjectMadePublicEvent;
import io.xstore.api.project.ProjectCreatedEvent;
import io.xstore.api.project.ProjectDeletedEvent;
import io.xstore.api.project.ProjectMergedEvent;
import io.xstore.api.project.ProjectMovedEvent;
import io.xstore.api.AuditEntry;
import io.xstore.api.project.ProjectDefaultOutputDestinationChangedEvent;
import io.xstore.api.project.ProjectDescriptionChangedEvent;
import io.xstore.api.project.ProjectSystemTagsChangedEvent;
import io.xstore.api.project.ProjectTagsChangedEvent;
import io.xstore.projection.store.ReadModelCollection;
import io.xstore.projection.store.ReadModelStore;
import io.xstore.readmodel.Collections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Writes the {@code projects} read model in ClearML's shape: {@code _id}, {@code name} (full path), {@code basename},
 * {@code description}, {@code created}, {@code tags}/{@code system_tags} (sorted), {@code default_output_destination},
 * {@code last_update}, {@code parent}, {@code path} (ancestor ids), {@code user}, {@code company}. Name uniqueness is
 * the command side's job, so no unique index here.
 */
@Component
@ProcessingGroup("projects")
public class ProjectProjection {

    private final ReadModelCollection projects;

    public ProjectProjection(ReadModelStore store) {
        this.projects = store.collection(Collections.PROJECTS);
        MongoCollection<Document> indexed = store.database().getCollection(Collections.PROJECTS);
        indexed.createIndex(Indexes.ascending("company", "name"));
        indexed.createIndex(Indexes.ascending("company", "basename"));
        for (String field : List.of("parent", "path", "tags", "system_tags", "user", "created", "last_update")) {
            indexed.createIndex(Indexes.ascending(field));
        }
    }

    @EventHandler
    void on(ProjectCreatedEvent event) {
        Date at = Date.from(event.audit().at());
        Document project = new Document("_id", event.projectId())
                .append("name", event.name())
                .append("basename", event.basename())
                .append("description", event.description())
                .append("created", at)
                .append("tags", sorted(event.tags()))
                .append("system_tags", sorted(event.systemTags()))
                .append("default_output_destination", event.defaultOutputDestination())
                .append("last_update", at)
                .append("parent", event.parent())
                .append("path", event.path())
                .append("user", event.audit().userId())
                .append("company", event.company());
        projects.replace(event.projectId(), project);
    }

    @EventHandler
    void on(ProjectDescriptionChangedEvent event) {
        update(event.projectId(), event.audit(), Updates.set("description", event.description()));
    }

    @EventHandler
    void on(ProjectTagsChangedEvent event) {
        update(event.projectId(), event.audit(), Updates.set("tags", sorted(event.tags())));
    }

    @EventHandler
    void on(ProjectSystemTagsChangedEvent event) {
        update(event.projectId(), event.audit(), Updates.set("system_tags", sorted(event.systemTags())));
    }

    @EventHandler
    void on(ProjectDefaultOutputDestinationChangedEvent event) {
        update(event.projectId(), event.audit(),
                Updates.set("default_output_destination", event.defaultOutputDestination()));
    }

    private void update(String projectId, AuditEntry audit, Bson change) {
        projects.update(projectId, List.of(change, Updates.set("last_update", Date.from(audit.at()))));
    }

    @EventHandler
    void on(ProjectMovedEvent event) {
        projects.update(event.projectId(), List.of(
                Updates.set("name", event.name()),
                Updates.set("basename", event.basename()),
                Updates.set("parent", event.parent()),
                Updates.set("path", event.path()),
                Updates.set("last_update", Date.from(event.audit().at()))));
    }

    @EventHandler
    void on(ProjectMergedEvent event) {
        projects.delete(event.projectId());
    }

    @EventHandler
    void on(ProjectDeletedEvent event) {
        projects.delete(event.projectId());
    }

    @ResetHandler
    void reset() {
        projects.clear();
    }

    private static List<String> sorted(List<String> values) {
        return values == null ? List.of() : values.stream().sorted().toList();
    }

    @EventHandler
    void on(ProjectMadePublicEvent event) {
        projects.update(event.projectId(), List.of(Updates.set("company", ""),
                Updates.set("company_origin", event.originCompany()), Updates.set("last_update",
                        Date.from(event.audit().at()))));
    }

    @EventHandler
    void on(ProjectMadePrivateEvent event) {
        projects.update(event.projectId(), List.of(Updates.set("company", event.company()),
                Updates.unset("company_origin"), Updates.set("last_update", Date.from(event.audit().at()))));
    }
}
