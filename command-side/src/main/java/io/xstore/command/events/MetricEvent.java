package io.xstore.command.events;

import java.util.Map;

/** One validated metric/log event as it goes to the event log: its task (or model) id, company, and fields. */
public record MetricEvent(String target, boolean model, String company, Map<String, Object> fields) {
}
