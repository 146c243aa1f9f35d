package io.xstore.readmodel;

/** Names of the MongoDB read-model collections. Each is written by one projection and read by the query side. */
public final class Collections {

    public static final String TASKS = "tasks";
    public static final String PROJECTS = "projects";
    public static final String MODELS = "models";
    public static final String USERS = "users";
    public static final String CREDENTIALS = "credentials";
    /** One row per event (and per run of metric progress) for the company-wide audit listing (history.get_all). */
    public static final String HISTORY = "history";
    /** The id of the {@code history} row holding the highest position indexed (where history.get_all starts). */
    public static final String HISTORY_INDEX_HEAD = "__index__";
    /** Per aggregate: the last event the {@code history} rows were written for (idempotence, run grouping). */
    public static final String HISTORY_HEADS = "history_heads";
    public static final String QUEUES = "queues";
    /** Samples of each queue's length and average waiting time, one per change of its entries. */
    public static final String QUEUE_METRICS = "queue_metrics";
    /** Not a projection: the queue of file-server files to delete (tasks, models), kept by the server module. */
    public static final String FILE_DELETIONS = "file_deletions";

    private Collections() {
    }
}
