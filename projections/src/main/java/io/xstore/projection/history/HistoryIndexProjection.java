package io.xstore.projection.history;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.xstore.api.AuditEntry;
import io.xstore.projection.processing.ProjectorPositions;
import io.xstore.projection.store.ReadModelCollection;
import io.xstore.projection.store.ReadModelStore;
import io.xstore.readmodel.Collections;
import io.xstore.readmodel.history.EventAudit;
import io.xstore.readmodel.history.HistoryKinds;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.OptionalLong;

/**
 * The audit index behind {@code history.get_all} (docs/api/history.md): one small row per event of any type (its
 * global position, time, actor, call id, entity type and id, sequence number, kind), never the event's payload, so it
 * keeps working whatever the event classes become. Descriptions and before/after values are computed on demand per
 * page from the entity's events. Metric progress additionally gets one row per uninterrupted run of it per entity,
 * updated as the run grows, so the default listing shows one row per run and pages exactly.
 * <p>
 * Rows: {@code row} is {@code event} (one event, keyed {@code e<position>}; {@code progress} tells metric progress,
 * {@code run} names its run) or {@code run} (keyed {@code r<first position>}; {@code position} is its latest event's;
 * {@code count}, {@code seq_from}/{@code seq_to}, {@code time_from}). Keys by position let the listing walk the store
 * backwards with lookups by id alone, which every MongoDB (the embedded one too) answers from its {@code _id} index.
 * Re-applying an event (a restart after a crash) changes nothing: a head per entity remembers the last position
 * seen.
 */
@Component
@ProcessingGroup("history")
public class HistoryIndexProjection {

    public static final String INDEX_HEAD = Collections.HISTORY_INDEX_HEAD;
    private static final Logger log = LoggerFactory.getLogger(HistoryIndexProjection.class);

    private final ReadModelStore store;
    private final ReadModelCollection rows;
    private final ReadModelCollection heads;

    public HistoryIndexProjection(ReadModelStore store) {
        this.store = store;
        this.rows = store.collection(Collections.HISTORY);
        this.heads = store.collection(Collections.HISTORY_HEADS);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        if (store.detachedOnThisThread() || !(message instanceof TrackedEventMessage<?> tracked) || !(message instanceof DomainEventMessage<?> domain)
                || tracked.trackingToken() == null || tracked.trackingToken().position().isEmpty()
                || domain.getAggregateIdentifier() == null) {
            return; // only events of the store as the projector delivers them; nothing to do in the history fold
        }
        long position = tracked.trackingToken().position().getAsLong();
        String entityId = domain.getAggregateIdentifier();
        AuditEntry audit = EventAudit.of(payload);
        String kind = HistoryKinds.of(payload);
        boolean progress = HistoryKinds.isProgress(kind);
        String ownCompany = EventAudit.company(payload);
        Document head = needsHead(domain, progress, ownCompany) ? heads.find(entityId) : null;
        if (head != null && head.get("position") instanceof Number last && last.longValue() >= position) {
            return;
        }
        Document index = heads.find(INDEX_HEAD);
        if (index == null || !(index.get("position") instanceof Number indexed) || indexed.longValue() < position) {
            heads.replace(INDEX_HEAD, new Document("_id", INDEX_HEAD).append("position", position));
        }
        String actor = audit == null ? null : audit.userId();
        java.time.Instant at = audit != null && audit.at() != null ? audit.at() : domain.getTimestamp();
        Date time = Date.from(at); // when the change was made, as history entries show it
        long micros = micros(at);
        Document row = new Document("_id", "e" + position)
                .append("row", "event")
                .append("position", position)
                .append("time", time)
                .append("time_from", time)
                .append("time_us", micros)
                .append("time_from_us", micros)
                .append("company", company(ownCompany, head))
                .append("actors", actor == null ? List.of() : List.of(actor))
                .append("actor_name", audit == null ? null : audit.userName())
                .append("call_id", audit == null ? null : audit.callId())
                .append("entity_type", HistoryKinds.entityType(domain.getType()))
                .append("entity_id", entityId)
                .append("seq", domain.getSequenceNumber())
                .append("kind", kind)
                .append("progress", progress);
        String run = head == null ? null : head.getString("run");
        if (progress) {
            Document runRow = run == null ? null : rows.find(run);
            if (runRow == null) {
                run = "r" + position;
                runRow = new Document(row).append("_id", run).append("row", "run").append("count", 0)
                        .append("seq_from", domain.getSequenceNumber()).append("time_from", time)
                        .append("time_from_us", micros)
                        .append("kinds", new ArrayList<String>());
            }
            List<String> actors = new ArrayList<>(runRow.getList("actors", String.class, List.of()));
            if (actor != null && !actors.contains(actor)) {
                actors.add(actor);
            }
            List<String> kinds = new ArrayList<>(runRow.getList("kinds", String.class, List.of()));
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
            runRow.append("position", position).append("time", time).append("time_us", micros)
                    .append("actors", actors)
                    .append("actor_name", row.get("actor_name")).append("call_id", row.get("call_id"))
                    .append("seq_to", domain.getSequenceNumber()).append("kinds", kinds)
                    .append("kind", kinds.size() == 1 ? kind : "metrics_reported")
                    .append("count", ((Number) runRow.get("count")).intValue() + 1);
            rows.replace(run, runRow);
            row.append("run", run);
        } else {
            run = null;
        }
        rows.replaceWriteOnly(row.getString("_id"), row);
        heads.replace(entityId, new Document("_id", entityId).append("position", position).append("run", run)
                .append("company", row.getString("company")));
    }

    /**
     * A data directory whose read models were built before the audit index existed: the projector's stored position
     * is dropped, so on start it empties its read models and replays the store once, building the index with them.
     * Returns whether it did (to be called before the projector starts).
     */
    public static boolean replayIfIndexMissing(MongoDatabase database, ProjectorPositions positions,
                                               String projector) {
        OptionalLong position = positions.load(projector);
        boolean indexed = database.getCollection(Collections.HISTORY_HEADS)
                .find(Filters.eq("_id", INDEX_HEAD)).first() != null;
        if (position.isEmpty() || position.getAsLong() < 0 || indexed) {
            return false;
        }
        log.info("the history audit index is new in this version: the read models are rebuilt once from the event "
                + "store (position {} dropped)", position.getAsLong());
        positions.forget(projector);
        return true;
    }

    @ResetHandler
    void reset() {
        rows.clear();
        heads.clear();
    }

    /** Times to the microsecond, as history entries show them (a MongoDB date keeps milliseconds only). */
    private static long micros(java.time.Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }

    /**
     * Whether the entity's head must be read first: for metric progress (its run goes on) and for an event without a
     * company (it takes its entity's). Any other event sets the head to what follows from the event alone, so it is
     * written without being read; re-applying the tail after a crash, in order, then writes every row and head
     * again as the first time did (see HistoryIndexProjectionTest). An entity's first event has no head before it.
     */
    private static boolean needsHead(DomainEventMessage<?> event, boolean progress, String company) {
        return event.getSequenceNumber() != 0 && (progress || company == null || company.isEmpty());
    }

    /** The event's company, else the company its entity's earlier events had (system-made events carry none). */
    private static String company(String company, Document head) {
        if ((company == null || company.isEmpty()) && head != null && head.getString("company") != null) {
            return head.getString("company");
        }
        return company == null ? "" : company;
    }
}
