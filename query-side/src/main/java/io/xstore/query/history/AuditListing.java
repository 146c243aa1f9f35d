package io.xstore.query.history;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.xstore.protocol.CallContext;
import io.xstore.readmodel.Collections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

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
 * index (one per event, one per run of metric progress) are filtered and paged in MongoDB, newest first; only the
 * page's entries are then computed, each entity's events folded once per page.
 */
@Component
public class AuditListing {

    private static final Logger log = LoggerFactory.getLogger(AuditListing.class);

    private final MongoCollection<Document> rows;
    private final EntityTimeline timeline;
    private final ProjectNames projectNames;

    public AuditListing(MongoDatabase database, EntityTimeline timeline, ProjectNames projectNames) {
        this.rows = database.getCollection(Collections.HISTORY);
        this.timeline = timeline;
        this.projectNames = projectNames;
    }

    Map<String, Object> list(CallContext ctx, HistoryQuery query) {
        Bson filter = filter(ctx.company(), query);
        long total = rows.countDocuments(filter);
        List<Document> page = new ArrayList<>();
        rows.find(filter).sort(Sorts.descending("position")).skip((int) Math.min(query.skip(), Integer.MAX_VALUE))
                .limit(query.pageSize()).forEach(page::add);
        Map<String, EntityTimeline.Folded> folded = new HashMap<>();
        Function<String, String> names = projectNames.lookup(ctx.company());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Document row : page) {
            entries.add(entry(row, folded, names));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", total);
        out.put("page", query.page());
        out.put("page_size", query.pageSize());
        out.put("entries", entries);
        return out;
    }

    private static Bson filter(String company, HistoryQuery query) {
        List<Bson> and = new ArrayList<>();
        and.add(Filters.eq("company", company));
        and.add(query.includeMetrics() ? Filters.eq("row", "event")
                : Filters.or(Filters.and(Filters.eq("row", "event"), Filters.eq("progress", false)),
                Filters.eq("row", "run")));
        if (query.from() != null) {
            and.add(Filters.gte("time", Date.from(query.from())));
        }
        if (query.to() != null) {
            and.add(Filters.lte("time_from", Date.from(query.to())));
        }
        if (query.actors() != null) {
            and.add(Filters.in("actors", query.actors()));
        }
        if (query.kinds() != null) {
            and.add(Filters.or(Filters.in("kind", query.kinds()), Filters.in("kinds", query.kinds())));
        }
        return Filters.and(and);
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
        out.put("time", time == null ? null : io.xstore.protocol.WireDates.format(time));
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
