package io.xstore.query.history;

import io.xstore.api.AuditEntry;
import io.xstore.protocol.ApiException;
import io.xstore.readmodel.history.EventAudit;
import io.xstore.readmodel.history.HistoryKinds;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An entity's history computed from its events (docs/api/history.md, "How entries are computed"): the events, read
 * from the event store in order, are folded through the real projection handlers into in-memory read-model
 * documents; each step's changes are the difference of the wire-shaped state before and after its event. The event
 * classes themselves never reach an answer.
 */
@Component
public class EntityTimeline {

    private final EventStore eventStore;
    private final EventFold fold;
    private final Checkpoints checkpoints = new Checkpoints();

    public EntityTimeline(EventStore eventStore, EventFold fold) {
        this.eventStore = eventStore;
        this.fold = fold;
    }

    /** One event of the entity with what it changed. */
    public record Step(long seq, Instant time, String actorId, String actorName, String callId, String kind,
                       List<Change> changes) {
    }

    /**
     * The steps folded (with their changes when asked), the wire-shaped state after the last one, the stored-shape
     * document of the entity's main collection then (a copy; null when absent), and the entity's company.
     */
    public record Folded(List<Step> steps, Map<String, Object> state, Document document, String company) {
    }

    /**
     * Folds the entity's events while {@code include} accepts them (in order: the first refused event ends the fold).
     * Throws the entity's not-found error when the id has no events of this kind or belongs to another company
     * ({@code company} null: any). With {@code changes} false only the final state is computed.
     * <p>
     * A fold that reached the entity's latest event is kept (a few entities, a bounded number of steps): the next
     * fold that reaches at least as far resumes from it and applies only the events since, so a long run's history
     * is computed once rather than on every call.
     */
    public Folded fold(HistoryEntity entity, String id, String company, Predicate<Step> include, boolean changes) {
        Checkpoint kept = checkpoints.get(entity, id);
        boolean resume = kept != null && include.test(kept.steps().get(kept.steps().size() - 1));
        List<? extends DomainEventMessage<?>> events = resume ? after(id, kept.lastSeq()) : events(entity, id);
        List<Step> steps = resume ? new ArrayList<>(kept.steps()) : new ArrayList<>();
        Map<String, Object> state = resume ? kept.state() : null;
        String owner = resume ? kept.owner() : null;
        boolean complete = true;
        Document document;
        try (EventFold.Session session = fold.open()) {
            if (resume) {
                kept.documents().forEach((collection, docs) -> docs.forEach((docId, doc) ->
                        session.seed(collection, docId, copy(doc))));
            }
            for (DomainEventMessage<?> event : events) {
                AuditEntry audit = EventAudit.of(event.getPayload());
                Step probe = new Step(event.getSequenceNumber(), time(event, audit),
                        audit == null ? null : audit.userId(), audit == null ? null : audit.userName(),
                        audit == null ? null : audit.callId(), HistoryKinds.of(event.getPayload()), List.of());
                if (!include.test(probe)) {
                    complete = false;
                    break;
                }
                session.apply(event);
                if (changes) {
                    Map<String, Object> after = entity.state().read(session, id);
                    owner = owner != null ? owner : companyOf(after);
                    steps.add(new Step(probe.seq(), probe.time(), probe.actorId(), probe.actorName(),
                            probe.callId(), probe.kind(), Changes.between(state, after, true)));
                    state = after;
                } else {
                    steps.add(probe);
                }
            }
            if (!changes && !steps.isEmpty() && (!resume || !events.isEmpty() || !complete)) {
                state = entity.state().read(session, id); // only the end state is wanted: rendered once
                owner = owner != null ? owner : companyOf(state);
            }
            Document current = session.document(entity.collection(), id);
            document = current == null ? null : copy(current);
            if (owner == null && !resume && !events.isEmpty()) {
                owner = EventAudit.company(events.get(0).getPayload()); // never existed, or deleted: its creator's
            }
            if (complete && changes && !steps.isEmpty() && (!resume || !events.isEmpty())) {
                Map<String, Map<String, Document>> documents = new LinkedHashMap<>();
                session.all().forEach((collection, docs) -> {
                    Map<String, Document> copies = new LinkedHashMap<>();
                    docs.forEach((docId, doc) -> copies.put(docId, copy(doc)));
                    documents.put(collection, copies);
                });
                checkpoints.put(id, new Checkpoint(entity.type(), steps.get(steps.size() - 1).seq(),
                        List.copyOf(steps), state, documents, owner));
            }
        }
        if (company != null && !company.equals(owner) && !"".equals(owner)) {
            throw entity.notFound().apply(id);
        }
        return new Folded(steps, state, document, owner);
    }

    /** The entity's events after sequence number {@code seq} (those since a kept fold). */
    private List<? extends DomainEventMessage<?>> after(String id, long seq) {
        return eventStore.readEvents(id, seq + 1).asStream().toList();
    }

    private static String companyOf(Map<String, Object> state) {
        return state != null && state.get("company") instanceof String company ? company : null;
    }

    /** A fold kept to be resumed: its steps, end state and documents (copies, never changed), by entity id. */
    record Checkpoint(String type, long lastSeq, List<Step> steps, Map<String, Object> state,
                      Map<String, Map<String, Document>> documents, String owner) {
    }

    /** The kept folds, least recently used dropped first, bounded in entities and in steps (memory). */
    static final class Checkpoints {

        static final int MAX_ENTITIES = 32;
        static final int MAX_STEPS = 200_000;

        private final Map<String, Checkpoint> kept = new java.util.LinkedHashMap<>(64, 0.75f, true);
        private long steps;

        synchronized Checkpoint get(HistoryEntity entity, String id) {
            Checkpoint checkpoint = kept.get(id);
            return checkpoint != null && checkpoint.type().equals(entity.type()) ? checkpoint : null;
        }

        synchronized void put(String id, Checkpoint checkpoint) {
            Checkpoint old = kept.put(id, checkpoint);
            steps += checkpoint.steps().size() - (old == null ? 0 : old.steps().size());
            var eldest = kept.entrySet().iterator();
            while ((kept.size() > MAX_ENTITIES || steps > MAX_STEPS) && eldest.hasNext()) {
                Checkpoint dropped = eldest.next().getValue();
                steps -= dropped.steps().size();
                eldest.remove();
            }
        }
    }

    /** A deep copy of a stored-shape document (maps and lists copied, values shared). */
    @SuppressWarnings("unchecked")
    static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Document out = new Document();
            map.forEach((key, item) -> out.put(String.valueOf(key), copy(item)));
            return (T) out;
        }
        if (value instanceof java.util.Collection<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(copy(item)));
            return (T) out;
        }
        return value;
    }

    /** The entity's stored events in order; the entity's not-found error when there are none of its kind. */
    public List<? extends DomainEventMessage<?>> events(HistoryEntity entity, String id) {
        List<? extends DomainEventMessage<?>> events;
        try {
            events = eventStore.readEvents(id, 0).asStream().toList();
        } catch (RuntimeException e) {
            throw entity.notFound().apply(id);
        }
        if (events.isEmpty() || !entity.aggregateType().equals(events.get(0).getType())) {
            ApiException missing = entity.notFound().apply(id);
            throw missing;
        }
        return events;
    }

    /**
     * An event's time in the history: when its API call was received (the time the read models show, e.g. in
     * {@code last_update}), else when it was stored; to the microsecond, as the wire shows times.
     */
    static Instant time(DomainEventMessage<?> event, AuditEntry audit) {
        Instant at = audit != null && audit.at() != null ? audit.at() : event.getTimestamp();
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
