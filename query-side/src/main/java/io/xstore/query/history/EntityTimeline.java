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
     */
    public Folded fold(HistoryEntity entity, String id, String company, Predicate<Step> include, boolean changes) {
        List<? extends DomainEventMessage<?>> events = events(entity, id);
        List<Step> steps = new ArrayList<>();
        Map<String, Object> state = null;
        String owner = null;
        Document document;
        try (EventFold.Session session = fold.open()) {
            for (DomainEventMessage<?> event : events) {
                AuditEntry audit = EventAudit.of(event.getPayload());
                Step probe = new Step(event.getSequenceNumber(), time(event), audit == null ? null : audit.userId(),
                        audit == null ? null : audit.userName(), audit == null ? null : audit.callId(),
                        HistoryKinds.of(event.getPayload()), List.of());
                if (!include.test(probe)) {
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
            if (!changes && !steps.isEmpty()) {
                state = entity.state().read(session, id); // only the end state is wanted: rendered once
                owner = companyOf(state);
            }
            Document current = session.document(entity.collection(), id);
            document = current == null ? null : copy(current);
        }
        if (owner == null && !events.isEmpty()) {
            owner = EventAudit.company(events.get(0).getPayload());
        }
        if (company != null && !company.equals(owner) && !"".equals(owner)) {
            throw entity.notFound().apply(id);
        }
        return new Folded(steps, state, document, owner);
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

    private static String companyOf(Map<String, Object> state) {
        return state != null && state.get("company") instanceof String company ? company : null;
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

    /** An event's time in the history: when it was stored, to the microsecond (as the wire shows times). */
    static Instant time(DomainEventMessage<?> event) {
        return event.getTimestamp().truncatedTo(ChronoUnit.MICROS);
    }
}
