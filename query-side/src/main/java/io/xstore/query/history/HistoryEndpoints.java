package io.xstore.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.protocol.ApiEndpoint;
import io.xstore.protocol.ApiError;
import io.xstore.protocol.CallContext;
import io.xstore.protocol.Fields;
import io.xstore.protocol.WireDates;
import io.xstore.query.engine.EntitySpecs;
import io.xstore.query.engine.ReadModelQuery;
import io.xstore.query.engine.Scope;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The {@code history} service (docs/api/history.md): what happened to a task, model, project or user (and their
 * credentials), entry by entry, newest first; the company-wide audit listing for admins; and differences between two
 * points of an entity's history or between two tasks. Entries are computed from the entity's events folded through
 * the read-model projections, never from the event classes, so they keep their shape whatever the events become.
 */
@Component
public class HistoryEndpoints {

    private final EntityTimeline timeline;
    private final AuditListing audit;
    private final ProjectNames projectNames;
    private final ReadModelQuery query;

    public HistoryEndpoints(EntityTimeline timeline, AuditListing audit, ProjectNames projectNames,
                            ReadModelQuery query) {
        this.timeline = timeline;
        this.audit = audit;
        this.projectNames = projectNames;
        this.query = query;
    }

    @ApiEndpoint("history.get_task")
    public Object task(CallContext ctx) {
        return history(ctx, HistoryEntity.TASK);
    }

    @ApiEndpoint("history.get_model")
    public Object model(CallContext ctx) {
        return history(ctx, HistoryEntity.MODEL);
    }

    @ApiEndpoint("history.get_project")
    public Object project(CallContext ctx) {
        return history(ctx, HistoryEntity.PROJECT);
    }

    /** A queue's history: created, entries added / moved / removed / popped (by which worker), changes. */
    @ApiEndpoint("history.get_queue")
    public Object queue(CallContext ctx) {
        return history(ctx, HistoryEntity.QUEUE);
    }

    /** A user's own history is theirs to read; another user's needs an admin role. */
    @ApiEndpoint("history.get_user")
    public Object user(CallContext ctx) {
        ownOrAdmin(ctx, Fields.requireString(ctx.body(), HistoryEntity.USER.field()));
        return history(ctx, HistoryEntity.USER);
    }

    @ApiEndpoint(value = "history.get_all", roles = {"system", "root", "admin"})
    public Object all(CallContext ctx) {
        return audit.list(ctx, HistoryQuery.parse(ctx.body()));
    }

    /** Two points of one entity's history: {@code a} and {@code b}, each {@code {seq}} or {@code {as_of}}. */
    @ApiEndpoint("history.diff")
    public Object diff(CallContext ctx) {
        HistoryEntity entity = entityOf(ctx.body());
        String id = Fields.requireString(ctx.body(), entity.field());
        Point a = Point.parse(ctx.body(), "a", true);
        Point b = Point.parse(ctx.body(), "b", false);
        boolean all = Fields.optBool(ctx.body(), "include_all", false);
        if (entity == HistoryEntity.USER) {
            ownOrAdmin(ctx, id);
        }
        EntityTimeline.Folded atA = timeline.fold(entity, id, ctx.company(), a.until(), false);
        EntityTimeline.Folded atB = timeline.fold(entity, id, ctx.company(), b.until(), false);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("type", entity.type());
        out.put("a", point(atA));
        out.put("b", point(atB));
        out.put("changes", pairs(Changes.between(atA.state(), atB.state(), !all)));
        return out;
    }

    /** Two tasks as {@code tasks.get_by_id} answers them now (the web app's compare view). */
    @ApiEndpoint("history.diff_tasks")
    public Object diffTasks(CallContext ctx) {
        List<String> ids = Fields.optStringList(ctx.body(), "tasks");
        if (ids == null || ids.size() != 2 || ids.stream().anyMatch(i -> i == null || i.isEmpty())) {
            throw ApiError.VALIDATION_ERROR.toException("tasks must list exactly two task ids",
                    Map.of("field", "tasks"));
        }
        boolean all = Fields.optBool(ctx.body(), "include_all", false);
        Scope scope = Scope.withPublic(ctx.company());
        List<Map<String, Object>> docs = new ArrayList<>();
        for (String id : ids) {
            docs.add(query.findById(EntitySpecs.TASK, id, scope)
                    .orElseThrow(() -> ApiError.INVALID_TASK_ID.toException(Map.of("id", id))));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("a", ids.get(0));
        out.put("b", ids.get(1));
        out.put("changes", pairs(Changes.between(docs.get(0), docs.get(1), !all)));
        return out;
    }

    private Map<String, Object> history(CallContext ctx, HistoryEntity entity) {
        String id = Fields.requireString(ctx.body(), entity.field());
        HistoryQuery request = HistoryQuery.parse(ctx.body());
        EntityTimeline.Folded folded = timeline.fold(entity, id, ctx.company(), step -> true, true);
        List<HistoryEntries.Entry> entries = new ArrayList<>(HistoryEntries.of(folded.steps(),
                request.includeMetrics()));
        entries.removeIf(e -> !HistoryEntries.matches(e, request));
        Collections.reverse(entries);
        Function<String, String> names = projectNames.lookup(ctx.company());
        List<Map<String, Object>> page = new ArrayList<>();
        long skip = request.skip();
        for (int i = (int) Math.min(skip, entries.size()); i < entries.size() && page.size() < request.pageSize();
             i++) {
            page.add(HistoryEntries.render(entries.get(i), entity.type(), names));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("type", entity.type());
        out.put("total", entries.size());
        out.put("page", request.page());
        out.put("page_size", request.pageSize());
        out.put("entries", page);
        return out;
    }

    private static void ownOrAdmin(CallContext ctx, String userId) {
        if (!userId.equals(ctx.caller().userId()) && !ctx.caller().isAdmin()) {
            throw ApiError.ROLE_NOT_ALLOWED.toException("only admins may read another user's history",
                    Map.of("role", ctx.caller().role(), "endpoint", ctx.endpoint()));
        }
    }

    /** The one of the entity fields ({@code task}, {@code model}, ... of {@link HistoryEntity#ALL}) the body names. */
    private static HistoryEntity entityOf(ObjectNode body) {
        List<HistoryEntity> named = HistoryEntity.ALL.stream().filter(e -> body.hasNonNull(e.field())).toList();
        if (named.size() != 1) {
            throw ApiError.VALIDATION_ERROR.toException("exactly one of " + String.join(", ",
                    HistoryEntity.ALL.stream().map(HistoryEntity::field).toList()) + " is required",
                    Map.of("fields", HistoryEntity.ALL.stream().map(HistoryEntity::field).toList()));
        }
        return named.get(0);
    }

    private static Map<String, Object> point(EntityTimeline.Folded folded) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (folded.steps().isEmpty()) {
            out.put("seq", null);
            out.put("time", null);
        } else {
            EntityTimeline.Step last = folded.steps().get(folded.steps().size() - 1);
            out.put("seq", last.seq());
            out.put("time", WireDates.format(last.time()));
        }
        out.put("exists", folded.state() != null);
        return out;
    }

    private static List<Map<String, Object>> pairs(List<Change> changes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Change change : changes) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("field", change.field());
            item.put("a", change.before());
            item.put("b", change.after());
            out.add(item);
        }
        return out;
    }

    /** A point of a history: after the event with sequence number {@code seq}, or as of a time; default: now. */
    private record Point(Long seq, Instant asOf) {

        static Point parse(ObjectNode body, String field, boolean required) {
            JsonNode node = body.get(field);
            if (node == null || node.isNull()) {
                if (required) {
                    throw ApiError.VALIDATION_ERROR.toException("field is required ({seq} or {as_of})",
                            Map.of("field", field));
                }
                return new Point(null, null);
            }
            if (!node.isObject()) {
                throw Fields.wrongType(field, "an object with seq or as_of");
            }
            JsonNode seq = node.get("seq");
            JsonNode asOf = node.get("as_of");
            boolean hasSeq = seq != null && !seq.isNull();
            boolean hasAsOf = asOf != null && !asOf.isNull();
            if (hasSeq == hasAsOf) {
                throw ApiError.VALIDATION_ERROR.toException("give exactly one of seq and as_of",
                        Map.of("field", field));
            }
            if (hasSeq) {
                if (!seq.isIntegralNumber() || seq.asLong() < 0) {
                    throw Fields.wrongType(field + ".seq", "a non-negative integer");
                }
                return new Point(seq.asLong(), null);
            }
            return new Point(null, HistoryQuery.time(asOf, field + ".as_of"));
        }

        Predicate<EntityTimeline.Step> until() {
            if (seq != null) {
                return step -> step.seq() <= seq;
            }
            if (asOf != null) {
                return step -> HistoryQuery.atOrBefore(step.time(), asOf);
            }
            return step -> true;
        }
    }
}
