package io.xstore.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.xstore.server.ServerTestSupport;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

/**
 * The stored-JSON fixtures of every event type (history-fixtures/2026-12-06/stored-events) are real: each reads,
 * with the server's event serializer and no upcaster, into its payload class, and writing that payload again gives
 * the stored JSON back. Every domain event type of core-api has one.
 */
class StoredEventFixturesTest extends ServerTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void everyStoredEventReadsIntoItsPayloadClass() throws Exception {
        List<HistoryFixtures.StoredEvent> events = HistoryFixtures.storedEvents();
        assertThat(events).hasSizeGreaterThanOrEqualTo(40);
        for (HistoryFixtures.StoredEvent stored : events) {
            List<DomainEventMessage<?>> read = stored.read(eventSerializer, NoOpEventUpcaster.INSTANCE);

            assertThat(read).as(stored.fileName()).hasSize(1);
            DomainEventMessage<?> message = read.get(0);
            assertThat(message.getPayloadType().getName()).as(stored.fileName()).isEqualTo(stored.payloadType());
            assertThat(message.getPayloadType().getSimpleName()).as(stored.fileName()).isEqualTo(stored.namedType());
            assertThat(message.getAggregateIdentifier()).isEqualTo(stored.json().get("aggregateId").asText());
            byte[] again = eventSerializer.serialize(message.getPayload(), byte[].class).getData();
            assertThat(JSON.readTree(again)).as(stored.fileName() + " written again").isEqualTo(stored.payload());
        }
    }

    @Test
    void everyDomainEventTypeHasAStoredFixture() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(java.util.regex.Pattern.compile(".*Event")));
        Set<String> eventTypes = scanner.findCandidateComponents("io.xstore.api").stream()
                .map(bean -> bean.getBeanClassName().substring(bean.getBeanClassName().lastIndexOf('.') + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = HistoryFixtures.storedEvents().stream().map(HistoryFixtures.StoredEvent::namedType)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(eventTypes).hasSizeGreaterThanOrEqualTo(40);
        assertThat(covered).containsAll(eventTypes);
    }
}
