package io.xstore.query.history;

import io.xstore.protocol.WireDates;
import io.xstore.readmodel.history.HistoryKinds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Entries of one entity's history from its folded steps (docs/api/history.md): uninterrupted runs of metric progress
 * grouped into one entry unless {@code include_metrics}, then filtered, newest first, paged, and rendered in the
 * public entry shape.
 */
final class HistoryEntries {

    private HistoryEntries() {
    }

    /** One entry: a single step, or a run of progress steps ({@code count} > 1 or {@code grouped}). */
    record Entry(List<EntityTimeline.Step> steps, boolean grouped, String kind, List<Change> changes) {

        EntityTimeline.Step last() {
            return steps.get(steps.size() - 1);
        }

        EntityTimeline.Step first() {
            return steps.get(0);
        }

        Set<String> actors() {
            Set<String> actors = new LinkedHashSet<>();
            steps.forEach(s -> actors.add(s.actorId()));
            return actors;
        }

        Set<String> kinds() {
            Set<String> kinds = new LinkedHashSet<>();
            steps.forEach(s -> kinds.add(s.kind()));
            return kinds;
        }
    }

    /** The entries in chronological order: progress runs grouped unless {@code single}. */
    static List<Entry> of(List<EntityTimeline.Step> steps, boolean single) {
        List<Entry> out = new ArrayList<>();
        List<EntityTimeline.Step> run = new ArrayList<>();
        for (EntityTimeline.Step step : steps) {
            if (!single && HistoryKinds.isProgress(step.kind())) {
                run.add(step);
                continue;
            }
            flush(run, out);
            out.add(new Entry(List.of(step), false, step.kind(), step.changes()));
        }
        flush(run, out);
        return out;
    }

    private static void flush(List<EntityTimeline.Step> run, List<Entry> out) {
        if (run.isEmpty()) {
            return;
        }
        Set<String> kinds = new LinkedHashSet<>();
        run.forEach(s -> kinds.add(s.kind()));
        String kind = kinds.size() == 1 ? kinds.iterator().next() : "metrics_reported";
        out.add(new Entry(List.copyOf(run), true, kind,
                Changes.compose(run.stream().map(EntityTimeline.Step::changes).toList())));
        run.clear();
    }

    /** Whether the entry passes the filters (a run: if any of its steps is in range, by an actor, of a kind). */
    static boolean matches(Entry entry, HistoryQuery query) {
        if (query.from() != null && entry.last().time().isBefore(query.from())) {
            return false;
        }
        if (query.to() != null && !HistoryQuery.atOrBefore(entry.first().time(), query.to())) {
            return false;
        }
        if (query.actors() != null && entry.actors().stream().noneMatch(query.actors()::contains)) {
            return false;
        }
        return query.kinds() == null || query.kinds().contains(entry.kind())
                || entry.kinds().stream().anyMatch(query.kinds()::contains);
    }

    /** The public shape of an entry (never an event class). */
    static Map<String, Object> render(Entry entry, String entityType, Function<String, String> projectNames) {
        EntityTimeline.Step last = entry.last();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", last.seq());
        out.put("time", WireDates.format(last.time()));
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("id", last.actorId());
        actor.put("name", last.actorName());
        out.put("actor", actor);
        out.put("call_id", last.callId());
        out.put("kind", entry.kind());
        out.put("description", entry.grouped()
                ? Descriptions.progress(entry.kind(), entry.steps().size(), entry.changes())
                : Descriptions.of(entityType, entry.kind(), entry.changes(), projectNames));
        List<Map<String, Object>> changes = new ArrayList<>();
        for (Change change : entry.changes()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("field", change.field());
            item.put("before", change.before());
            item.put("after", change.after());
            changes.add(item);
        }
        out.put("changes", changes);
        if (entry.grouped()) {
            out.put("count", entry.steps().size());
            out.put("seq_from", entry.first().seq());
            out.put("seq_to", last.seq());
            out.put("time_from", WireDates.format(entry.first().time()));
        }
        return out;
    }

    static Instant time(Entry entry) {
        return entry.last().time();
    }
}
