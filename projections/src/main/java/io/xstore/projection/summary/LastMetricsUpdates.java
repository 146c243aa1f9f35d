package io.xstore.projection.summary;

import com.mongodb.client.model.Updates;
import io.xstore.api.metrics.EventTypeActivity;
import io.xstore.api.metrics.MetricSummary;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/**
 * The read-model changes of a metrics-recorded event, for tasks and models alike: {@code last_metrics.<mh>.<vh>},
 * {@code metric_stats.<mh>}, {@code unique_metrics} and {@code last_iteration} (which only grows).
 */
public final class LastMetricsUpdates {

    private LastMetricsUpdates() {
    }

    public static List<Bson> of(Long lastIteration, List<MetricSummary> metrics, List<EventTypeActivity> activity) {
        List<Bson> updates = new ArrayList<>();
        if (lastIteration != null) {
            updates.add(Updates.max("last_iteration", lastIteration));
        }
        List<String> names = new ArrayList<>();
        for (MetricSummary series : metrics) {
            updates.add(Updates.set("last_metrics." + series.metricHash() + "." + series.variantHash(), entry(series)));
            names.add(series.metric() + "/" + series.variant());
        }
        if (!names.isEmpty()) {
            updates.add(Updates.addEachToSet("unique_metrics", names));
        }
        for (EventTypeActivity seen : activity) {
            String prefix = "metric_stats." + seen.metricHash();
            updates.add(Updates.set(prefix + ".metric", seen.metric()));
            updates.add(Updates.set(prefix + ".event_stats_by_type." + seen.eventType() + ".last_update",
                    seen.lastUpdate()));
        }
        return updates;
    }

    private static Document entry(MetricSummary series) {
        Document entry = new Document("metric", series.metric())
                .append("variant", series.variant())
                .append("value", series.value())
                .append("min_value", series.minValue())
                .append("min_value_iteration", series.minValueIteration())
                .append("max_value", series.maxValue())
                .append("max_value_iteration", series.maxValueIteration())
                .append("first_value", series.firstValue())
                .append("first_value_iteration", series.firstValueIteration())
                .append("count", series.count())
                .append("mean_value", series.meanValue());
        if (series.xAxisLabel() != null) {
            entry.append("x_axis_label", series.xAxisLabel());
        }
        return entry;
    }
}
