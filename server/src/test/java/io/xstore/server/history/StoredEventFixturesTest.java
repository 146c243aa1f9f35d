package io.xstore.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.api.task.TaskContent;
import io.xstore.api.task.TaskEditedEvent;
import io.xstore.api.task.TaskStopRequestedEvent;
import io.xstore.migration.events.EventRevisions;
import io.xstore.server.ServerTestSupport;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

/**
 * Every stored-JSON fixture of the event types of 2026-12-06 (history-fixtures/2026-12-06/stored-events, written
 * before the events were redesigned) reads through the server's upcaster chain and event serializer into today's
 * events: unchanged types into themselves, the generic edits and status changes into their intent events.
 */
class StoredEventFixturesTest extends ServerTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Stored event (fixture file) → the types it reads as today, in order; files not listed read as their type. */
    private static final Map<String, List<String>> UPCAST = Map.ofEntries(
            Map.entry("TaskEditedEvent.move.json", List.of("TaskMovedEvent")),
            Map.entry("TaskEditedEvent.tags.json", List.of("TaskTagsChangedEvent")),
            Map.entry("TaskEditedEvent.edit.json", List.of("TaskRenamedEvent", "TaskCommentChangedEvent")),
            Map.entry("TaskStatusChangedEvent.in_progress.json", List.of("TaskStartedEvent")),
            Map.entry("TaskStatusChangedEvent.stopped.json", List.of("TaskAbortedEvent")),
            Map.entry("TaskStatusChangedEvent.stopped-unchanged.json", List.of("TaskStoppedEvent")),
            Map.entry("TaskStatusChangedEvent.stopped.forced.json", List.of("TaskStoppedEvent")),
            Map.entry("TaskStatusChangedEvent.failed.json", List.of("TaskFailedEvent")),
            Map.entry("TaskStatusChangedEvent.failed.forced.json", List.of("TaskFailedEvent")),
            Map.entry("TaskStatusChangedEvent.completed.json", List.of("TaskCompletedEvent")),
            Map.entry("TaskStatusChangedEvent.published.json", List.of("TaskPublishedEvent")),
            Map.entry("TaskStatusChangedEvent.closed.json", List.of("TaskClosedEvent")),
            Map.entry("TaskStatusChangedEvent.queued.forced.json", List.of("TaskStatusSetEvent")),
            Map.entry("ModelEditedEvent.json", List.of("ModelCommentChangedEvent")),
            Map.entry("ProjectUpdatedEvent.json", List.of("ProjectDescriptionChangedEvent",
                    "ProjectTagsChangedEvent", "ProjectDefaultOutputDestinationChangedEvent")));

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    ObjectProvider<EventUpcaster> upcasters;

    private EventUpcasterChain chain() {
        return new EventUpcasterChain(upcasters.orderedStream().toList());
    }

    @Test
    void everyStoredEventReadsThroughTheUpcasterChainIntoTodaysEvents() throws Exception {
        List<HistoryFixtures.StoredEvent> events = HistoryFixtures.storedEvents();
        assertThat(events).hasSizeGreaterThanOrEqualTo(40);
        for (HistoryFixtures.StoredEvent stored : events) {
            List<DomainEventMessage<?>> read = stored.read(eventSerializer, chain());

            List<String> expected = UPCAST.getOrDefault(stored.fileName(), List.of(stored.namedType()));
            assertThat(read.stream().map(m -> m.getPayloadType().getSimpleName()).toList()).as(stored.fileName())
                    .isEqualTo(expected);
            for (DomainEventMessage<?> message : read) {
                assertThat(message.getAggregateIdentifier()).isEqualTo(stored.json().get("aggregateId").asText());
                assertThat(message.getSequenceNumber()).isEqualTo(stored.json().get("sequenceNumber").asLong());
            }
            assertThat(read.stream().map(DomainEventMessage::getIdentifier).distinct()).hasSize(read.size());
            if (!UPCAST.containsKey(stored.fileName())) {
                byte[] again = eventSerializer.serialize(read.get(0).getPayload(), byte[].class).getData();
                assertThat(JSON.readTree(again)).as(stored.fileName() + " written again").isEqualTo(stored.payload());
            }
        }
    }

    @Test
    void aStoredStopRequestReadsAsAStopRequest() throws Exception {
        HistoryFixtures.StoredEvent started = HistoryFixtures.storedEvents().stream()
                .filter(e -> e.fileName().equals("TaskStatusChangedEvent.in_progress.json")).findFirst().orElseThrow();
        ObjectNode json = started.json().deepCopy();
        ((ObjectNode) json.get("payload")).put("from", "IN_PROGRESS").put("statusMessage", "stopping")
                .putNull("started");
        HistoryFixtures.StoredEvent request = new HistoryFixtures.StoredEvent("stop-request.json", json);

        List<DomainEventMessage<?>> read = request.read(eventSerializer, chain());

        assertThat(read).hasSize(1);
        assertThat(read.get(0).getPayload()).isInstanceOf(TaskStopRequestedEvent.class);
        assertThat(((TaskStopRequestedEvent) read.get(0).getPayload()).to().wire()).isEqualTo("in_progress");
    }

    @Test
    void aStoredEditOfOtherFieldsStaysAnEditOfItsNewRevision() throws Exception {
        HistoryFixtures.StoredEvent edit = HistoryFixtures.storedEvents().stream()
                .filter(e -> e.fileName().equals("TaskEditedEvent.edit.json")).findFirst().orElseThrow();
        ObjectNode json = edit.json().deepCopy();
        ((ObjectNode) json.get("payload").get("changes")).putObject("script").put("branch", "dev");

        List<DomainEventMessage<?>> read = new HistoryFixtures.StoredEvent("edit.json", json)
                .read(eventSerializer, chain());

        assertThat(read.stream().map(m -> m.getPayloadType().getSimpleName()).toList())
                .containsExactly("TaskRenamedEvent", "TaskCommentChangedEvent", "TaskEditedEvent");
        TaskContent rest = ((TaskEditedEvent) read.get(2).getPayload()).changes();
        assertThat(rest.script()).isEqualTo(Map.of("branch", "dev"));
        assertThat(rest.name()).isNull();
        assertThat(rest.comment()).isNull();
    }

    @Test
    void everyEventTypeOfThatDayHasAStoredFixtureAndEveryEventTypeHasARevision() throws Exception {
        Set<String> covered = HistoryFixtures.storedEvents().stream().map(HistoryFixtures.StoredEvent::namedType)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).hasSize(40);

        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(java.util.regex.Pattern.compile(".*Event")));
        EventRevisions revisions = new EventRevisions();
        for (var bean : scanner.findCandidateComponents("io.xstore.api")) {
            Class<?> type = Class.forName(bean.getBeanClassName());
            assertThat(revisions.revisionOf(type)).as(type.getSimpleName()).matches("[1-9][0-9]*");
        }
        assertThat(revisions.revisionOf(TaskEditedEvent.class)).isEqualTo("2");
    }
}
