package io.xstore.query.events;

import org.bson.Document;

/**
 * A task or model whose events a call reads.
 *
 * @param indexCompany the company whose event indices hold its events (a public object's origin company)
 * @param document     the read-model document (name, status, last_metrics, last_iteration ...)
 */
public record EventTarget(String id, String name, String indexCompany, Document document) {

    /** {@code last_metrics.<md5 metric>.<md5 variant>.x_axis_label}, or null. */
    public String xAxisLabel(String metricHash, String variantHash) {
        if (document.get("last_metrics") instanceof Document metrics
                && metrics.get(metricHash) instanceof Document variants
                && variants.get(variantHash) instanceof Document summary
                && summary.get("x_axis_label") instanceof String label) {
            return label;
        }
        return null;
    }
}
