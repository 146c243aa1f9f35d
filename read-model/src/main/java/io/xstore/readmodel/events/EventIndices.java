package io.xstore.readmodel.events;

import java.util.List;
import java.util.Locale;

/**
 * Where metric and console events live in Elasticsearch: one index per event type and company,
 * {@code events-<type>-<company lower>}, as the reference lays them out.
 */
public final class EventIndices {

    public static final String SCALAR = "training_stats_scalar";
    public static final String VECTOR = "training_stats_vector";
    public static final String PLOT = "plot";
    public static final String IMAGE = "training_debug_image";
    public static final String LOG = "log";
    public static final List<String> TYPES = List.of(SCALAR, VECTOR, PLOT, IMAGE, LOG);

    /** The iteration of a "single value" scalar (Logger.report_single_value). */
    public static final long SINGLE_VALUE_ITERATION = -2147483648L;

    /** Every event index of every company, for index templates and rebuilds. */
    public static final String ALL_PATTERN = "events-*";

    private EventIndices() {
    }

    public static String index(String type, String company) {
        return "events-" + type + "-" + company.toLowerCase(Locale.ROOT);
    }

    /** The indices of the given types for a company (all types when {@code types} is empty). */
    public static List<String> indices(List<String> types, String company) {
        return (types.isEmpty() ? TYPES : types).stream().map(type -> index(type, company)).toList();
    }
}
