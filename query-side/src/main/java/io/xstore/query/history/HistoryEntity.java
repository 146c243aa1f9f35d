package io.xstore.query.history;

import io.xstore.protocol.ApiError;
import io.xstore.protocol.ApiException;
import io.xstore.query.engine.WireDocuments;
import io.xstore.readmodel.Collections;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An entity kind with a history (docs/api/history.md): which aggregate its events come from, which request field
 * names it, which error an unknown id gets, and how its state (the wire-shaped read-model document(s) the history
 * compares) is read from a fold. A new kind is one more constant here (listed in {@link #ALL}) and one endpoint
 * method in {@link HistoryEndpoints}.
 *
 * @param type          the name in answers and in the audit index ({@code task}), from the aggregate type
 * @param aggregateType the aggregate's type as stored with its events
 * @param field         the request field holding the id
 * @param collection    the main read-model collection (its document is what {@code *.get_by_id} answers)
 */
public record HistoryEntity(String type, String aggregateType, String field, String collection,
                            Function<String, ApiException> notFound, StateReader state) {

    /** Fields that change with every event and mean nothing to a reader: never listed as changes. */
    public static final Set<String> NOISE = Set.of("last_update", "last_change", "last_changed_by");

    /** The wire-shaped state of the entity in a fold; null when it does not exist (yet, or any more). */
    @FunctionalInterface
    public interface StateReader {
        Map<String, Object> read(EventFold.Session fold, String id);
    }

    public static final HistoryEntity TASK = simple("task", "TaskAggregate", "task", Collections.TASKS,
            ApiError.INVALID_TASK_ID);
    public static final HistoryEntity MODEL = simple("model", "ModelAggregate", "model", Collections.MODELS,
            ApiError.INVALID_MODEL_ID);
    public static final HistoryEntity PROJECT = simple("project", "ProjectAggregate", "project",
            Collections.PROJECTS, ApiError.INVALID_PROJECT_ID);
    /** A user and their credentials: {@code credentials} maps access keys to their documents (secrets left out). */
    public static final HistoryEntity USER = new HistoryEntity("user", "UserAggregate", "user", Collections.USERS,
            id -> ApiError.INVALID_USER_ID.toException(Map.of("id", id)), HistoryEntity::userState);

    public static final HistoryEntity QUEUE = simple("queue", "QueueAggregate", "queue", Collections.QUEUES,
            ApiError.INVALID_QUEUE_ID);

    public static final List<HistoryEntity> ALL = List.of(TASK, MODEL, PROJECT, USER, QUEUE);

    private static HistoryEntity simple(String type, String aggregateType, String field, String collection,
                                        ApiError error) {
        return new HistoryEntity(type, aggregateType, field, collection,
                id -> error.toException(Map.of("id", id)),
                (fold, id) -> {
                    Document doc = fold.document(collection, id);
                    return doc == null ? null : WireDocuments.render(doc);
                });
    }

    private static Map<String, Object> userState(EventFold.Session fold, String id) {
        Document user = fold.document(Collections.USERS, id);
        if (user == null) {
            return null;
        }
        Map<String, Object> state = WireDocuments.render(user);
        Map<String, Object> credentials = new TreeMap<>();
        fold.documents(Collections.CREDENTIALS).forEach((key, doc) -> {
            if (id.equals(doc.getString("user"))) {
                Map<String, Object> shown = new LinkedHashMap<>(WireDocuments.render(doc));
                shown.remove("secret_sha256");
                credentials.put(key, shown);
            }
        });
        state.put("credentials", credentials);
        return state;
    }
}
