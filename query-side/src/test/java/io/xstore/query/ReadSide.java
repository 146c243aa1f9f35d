package io.xstore.query;

import com.mongodb.client.MongoDatabase;
import io.xstore.query.engine.ReadModelQuery;
import io.xstore.query.engine.ScrollRegistry;
import io.xstore.query.projects.DatasetStats;
import io.xstore.query.projects.ParameterQueries;
import io.xstore.query.projects.ProjectContents;
import io.xstore.query.projects.ProjectDeleteCheck;
import io.xstore.query.projects.ProjectLookups;
import io.xstore.query.projects.ProjectSelection;
import io.xstore.query.projects.ProjectStatsCalculator;
import io.xstore.query.projects.ProjectsGetAllEx;
import io.xstore.query.projects.TagQueries;
import io.xstore.query.tasks.TaskParameterViews;
import org.bson.Document;

/** The read side wired by hand over a fresh embedded database, plus helpers to store wire-shaped documents. */
final class ReadSide {

    final MongoDatabase db = EmbeddedMongo.freshDatabase();
    final ReadModelQuery query = new ReadModelQuery(db, new ScrollRegistry());
    final ProjectHierarchy hierarchy = new ProjectHierarchy(db);
    final TasksReadEndpoints tasks = new TasksReadEndpoints(query, hierarchy, new TaskParameterViews(db));
    final ModelsReadEndpoints models = new ModelsReadEndpoints(query, hierarchy);
    final ProjectsReadEndpoints projects = new ProjectsReadEndpoints(query,
            new ProjectsGetAllEx(query, hierarchy, new ProjectStatsCalculator(db), new ProjectContents(db),
                    new ProjectSelection(db), new DatasetStats(db)),
            new ProjectDeleteCheck(db, hierarchy), new TagQueries(db, hierarchy),
            new ProjectLookups(db, query, hierarchy), new ParameterQueries(db, hierarchy));

    /** A top-level document of company c1 with the given key/value pairs ({@code id} is stored as {@code _id}). */
    static Document doc(Object... keyValues) {
        Document doc = new Document();
        for (int i = 0; i < keyValues.length; i += 2) {
            String key = (String) keyValues[i];
            doc.append(key.equals("id") ? "_id" : key, keyValues[i + 1]);
        }
        if (!doc.containsKey("company")) {
            doc.append("company", "c1");
        }
        return doc;
    }

    /** A nested document. */
    static Document map(Object... keyValues) {
        Document doc = new Document();
        for (int i = 0; i < keyValues.length; i += 2) {
            doc.append((String) keyValues[i], keyValues[i + 1]);
        }
        return doc;
    }

    void insert(String collection, Object... keyValues) {
        db.getCollection(collection).insertOne(doc(keyValues));
    }

    void task(Object... keyValues) {
        insert("tasks", keyValues);
    }

    void project(Object... keyValues) {
        insert("projects", keyValues);
    }

    void model(Object... keyValues) {
        insert("models", keyValues);
    }
}
