package io.xstore.readmodel.events;

/**
 * Field names of an event document in Elasticsearch. The stored {@code _source} is what the query endpoints return,
 * after {@link PlotData#restore} for plots and without {@link #SEQ}.
 */
public final class EventFields {

    public static final String TASK = "task";
    public static final String TYPE = "type";
    public static final String COMPANY = "company_id";
    public static final String WORKER = "worker";
    public static final String METRIC = "metric";
    public static final String VARIANT = "variant";
    /** Event time, epoch ms (date mapping). */
    public static final String TIMESTAMP = "timestamp";
    /** Write time, ISO-8601 string (date mapping). */
    public static final String WRITE_TIME = "@timestamp";
    public static final String ITER = "iter";
    /** Scalars: a double; vectors: an array of doubles. */
    public static final String VALUE = "value";
    public static final String MODEL_EVENT = "model_event";
    public static final String LEVEL = "level";
    public static final String MSG = "msg";
    public static final String PLOT_STR = "plot_str";
    public static final String PLOT_DATA = "plot_data";
    public static final String PLOT_LEN = "plot_len";
    public static final String SOURCE_URLS = "source_urls";
    public static final String URL = "url";
    public static final String KEY = "key";
    /**
     * Our own ordering key, unique per event: log position (partition, offset) and index in the batch folded into
     * one long. Orders console lines that share a timestamp; not returned to clients.
     */
    public static final String SEQ = "seq";

    private EventFields() {
    }
}
