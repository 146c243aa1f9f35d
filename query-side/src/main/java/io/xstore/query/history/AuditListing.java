package io.xstore.query.history;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.WireDates;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code history.get_all} (docs/api/history.md, "Company-wide audit listing"): the rows of the {@code history} audit
 * index (one per event, one per run of metric progress) are read newest first by walking event-store positions down
 * with lookups by id, filtered in memory until the page is full; only the page's entries are then computed, each
 * entity's events folded once per page. The cost of a page grows with how far back it reaches, not with the store.
 */
@Component
public class AuditListing {

    private static final Logger log = LoggerFactory.getLogger(AuditListing.class);

    private static final int FIRST_CHUNK = 256;
    private static final int MAX_CHUNK = 4096;
    /** Positions and times agree only nearly (concurrent writes): the walk goes this far past {@code from}. */
    private static final java.time.Duration FROM_SLACK = java.time.Duration.ofMinutes(2);
    private static final String INDEX_HEAD = Collections.HISTORY_INDEX_HEAD;

    private final MongoCollection<Document> rows;
    private final MongoCollection<Document> heads;
    private final EntityTimeline timeline;
    private final ProjectNames projectNames;

    public AuditListing(MongoDatabase database, EntityTimeline timeline, ProjectNames projectNames) {
        this.rows = database.getCollection(Collections.HISTORY);
        this.heads = database.getCollection(Collections.HISTORY_HEADS);
        this.timeline = timeline;
        this.projectNames = projectNames;
    }

    Map<String, Object> list(CallContext ctx, HistoryQuery query) {
        long wanted = query.skip() + query.pageSize();
        List<Document> matched = walk(ctx.company(), query, wanted + 1);
        List<Document> page = matched.subList((int) Math.min(query.skip(), matched.size()),
                (int) Math.min(wanted, matched.size()));
        Map<String, EntityTimeline.Folded> folded = new HashMap<>();
        Function<String, String> names = projectNames.lookup(ctx.company());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Document row : page) {
            entries.add(entry(row, folded, names));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("page", query.page());
        out.put("page_size", query.pageSize());
        out.put("has_more", matched.size() > wanted);
        out.put("entries", entries);
        return out;
    }

    /**
     * The first {@code limit} rows that pass the filters, newest first: positions are walked down from the newest
     * indexed one in growing chunks, each read with one lookup by {@code _id} (no scan of the collection), until
     * enough rows matched, the walk is older than {@code from}, or the store's start is reached.
     */
    private List<Document> walk(String company, HistoryQuery query, long limit) {
        Document head = heads.find(Filters.eq("_id", INDEX_HEAD)).first();
        long position = head != null && head.get("position") instanceof Number n ? n.longValue() : -1;
        Date from = query.from() == null ? null : Date.from(query.from().minus(FROM_SLACK));
        List<Document> matched = new ArrayList<>();
        int chunk = FIRST_CHUNK;
        boolean older = false;
        while (position >= 0 && matched.size() < limit && !older) {
            long low = Math.max(0, position - chunk + 1);
            List<String> ids = new ArrayList<>();
            for (long p = position; p >= low; p--) {
                ids.add("e" + p);
            }
            Map<String, Document> found = byId(ids);
            Map<String, Document> runs = query.includeMetrics() ? Map.of() : byId(found.values().stream()
                    .filter(r -> Boolean.TRUE.equals(r.get("progress")) && r.getString("run") != null)
                    .map(r -> r.getString("run")).distinct().toList());
            for (String id : ids) {
                Document row = found.get(id);
                if (row == null) {
                    continue;
                }
                if (from != null && row.getDate("time") != null && row.getDate("time").before(from)) {
                    older = true;
                    break;
                }
                Document candidate = row;
                if (!query.includeMetrics() && Boolean.TRUE.equals(row.get("progress"))) {
                    Document run = runs.get(row.getString("run"));
                    candidate = run != null && row.get("position").equals(run.get("position")) ? run : null;
                }
                if (candidate != null && matches(candidate, company, query)) {
                    matched.add(candidate);
                    if (matched.size() >= limit) {
                        break;
                    }
                }
            }
            position = low - 1;
            chunk = Math.min(chunk * 2, MAX_CHUNK);
        }
        return matched;
    }

    private Map<String, Document> byId(List<String> ids) {
        Map<String, Document> found = new HashMap<>();
        if (!ids.isEmpty()) {
            rows.find(Filters.in("_id", ids)).forEach(doc -> found.put(doc.getString("_id"), doc));
        }
        return found;
    }

    /** A row's time to the microsecond ({@code <field>_us}), else to the millisecond. */
    private static Instant instant(Document row, String field) {
        if (row.get(field + "_us") instanceof Number micros) {
            long us = micros.longValue();
            return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1_000L);
        }
        Date date = row.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static boolean matches(Document row, String company, HistoryQuery query) {
        if (!Objects.equals(company, row.getString("company"))) {
            return false;
        }
        Instant time = instant(row, "time");
        Instant timeFrom = instant(row, "time_from");
        if (query.from() != null && (time == null || time.isBefore(query.from()))) {
            return false;
        }
        if (query.to() != null && (timeFrom == null || !HistoryQuery.atOrBefore(timeFrom, query.to()))) {
            return false;
        }
        if (query.actors() != null && row.getList("actors", String.class, List.of()).stream()
                .noneMatch(query.actors()::contains)) {
            return false;
        }
        return query.kinds() == null || query.kinds().contains(row.getString("kind"))
                || row.getList("kinds", String.class, List.of()).stream().anyMatch(query.kinds()::contains);
    }

    private Map<String, Object> entry(Document row, Map<String, EntityTimeline.Folded> cache,
                                      Function<String, String> names) {
        String entityType = row.getString("entity_type");
        String entityId = row.getString("entity_id");
        long seqTo = number(row.get("run".equals(row.getString("row")) ? "seq_to" : "seq"));
        long seqFrom = "run".equals(row.getString("row")) ? number(row.get("seq_from")) : seqTo;
        HistoryEntity entity = HistoryEntity.ALL.stream().filter(e -> e.type().equals(entityType)).findFirst()
                .orElse(null);
        EntityTimeline.Folded folded = entity == null ? null : cache.computeIfAbsent(entityId, id -> {
            try {
                return timeline.fold(entity, id, null, step -> true, true);
            } catch (RuntimeException e) {
                log.warn("history of {} {} could not be folded: {}", entityType, id, e.toString());
                return null;
            }
        });
        List<EntityTimeline.Step> steps = new ArrayList<>();
        if (folded != null) {
            folded.steps().stream().filter(s -> s.seq() >= seqFrom && s.seq() <= seqTo).forEach(steps::add);
        }
        Map<String, Object> rendered;
        if (steps.isEmpty()) {
            rendered = bare(row);
        } else {
            boolean grouped = "run".equals(row.getString("row"));
            List<HistoryEntries.Entry> entries = HistoryEntries.of(steps, !grouped);
            rendered = HistoryEntries.render(entries.get(entries.size() - 1), entityType, names);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("type", entityType);
        about.put("id", entityId);
        about.put("name", folded == null ? null : lastName(folded));
        out.put("entity", about);
        out.putAll(rendered);
        return out;
    }

    /** An entry from the row alone (an entity type without a history fold): no changes, the kind as description. */
    private static Map<String, Object> bare(Document row) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", number(row.get("run".equals(row.getString("row")) ? "seq_to" : "seq")));
        Date time = row.getDate("time");
        out.put("time", time == null ? null : WireDates.format(time));
        List<String> actors = row.getList("actors", String.class, List.of());
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("id", actors.isEmpty() ? null : actors.get(actors.size() - 1));
        actor.put("name", row.getString("actor_name"));
        out.put("actor", actor);
        out.put("call_id", row.getString("call_id"));
        out.put("kind", row.getString("kind"));
        out.put("description", Objects.toString(row.getString("kind"), "").replace('_', ' '));
        out.put("changes", List.of());
        return out;
    }

    /** The entity's latest name, also after it was deleted. */
    private static Object lastName(EntityTimeline.Folded folded) {
        if (folded.state() != null && folded.state().get("name") != null) {
            return folded.state().get("name");
        }
        Object name = null;
        for (EntityTimeline.Step step : folded.steps()) {
            for (Change change : step.changes()) {
                if ("name".equals(change.field()) && change.after() != null) {
                    name = change.after();
                }
            }
        }
        return name;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : -1;
    }
}
