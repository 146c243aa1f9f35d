package io.xstore.server.wiring;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.xstore.command.project.ProjectContents;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** What a project directly holds, from the {@code tasks} and {@code models} read models. */
@Component
public class ReadModelProjectContents implements ProjectContents {

    static final String ARCHIVED = "archived";

    private final MongoCollection<Document> tasks;
    private final MongoCollection<Document> models;
    private final MongoCollection<Document> projects;

    public ReadModelProjectContents(MongoDatabase database) {
        this.tasks = database.getCollection(Collections.TASKS);
        this.models = database.getCollection(Collections.MODELS);
        this.projects = database.getCollection(Collections.PROJECTS);
    }

    @Override
    public long taskCount(String projectId) {
        return tasks.countDocuments(notArchivedIn(projectId));
    }

    @Override
    public long modelCount(String projectId) {
        return models.countDocuments(notArchivedIn(projectId));
    }

    @Override
    public long taskCount(String projectId, String type) {
        return tasks.countDocuments(Filters.and(notArchivedIn(projectId), Filters.eq("type", type)));
    }

    @Override
    public List<String> systemTags(String projectId) {
        Document project = projects.find(Filters.eq("_id", projectId)).projection(Projections.include("system_tags"))
                .first();
        List<String> tags = new ArrayList<>();
        if (project != null && project.get("system_tags") instanceof List<?> list) {
            list.forEach(tag -> tags.add(String.valueOf(tag)));
        }
        return tags;
    }

    @Override
    public List<String> taskIds(String projectId) {
        return ids(tasks, projectId);
    }

    @Override
    public List<String> modelIds(String projectId) {
        return ids(models, projectId);
    }

    private static Bson notArchivedIn(String projectId) {
        return Filters.and(Filters.eq("project", projectId), Filters.nin("system_tags", List.of(ARCHIVED)));
    }

    private static List<String> ids(MongoCollection<Document> collection, String projectId) {
        List<String> ids = new ArrayList<>();
        collection.find(Filters.eq("project", projectId)).projection(Projections.include("_id"))
                .forEach(doc -> ids.add(doc.getString("_id")));
        return ids;
    }
}
