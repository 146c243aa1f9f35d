package io.xstore.server.eventstore;

import io.xstore.command.eventstore.CurrentRevisionSnapshotFilter;
import io.xstore.command.eventstore.FileEventStorageEngine;
import io.xstore.command.eventstore.FsyncPolicy;
import io.xstore.command.eventstore.LegacyJpaEventStoreImport;
import io.xstore.server.embedded.BackingServices;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * The event store: {@link FileEventStorageEngine}, an append-only log under {@code <data-dir>/eventstore/log} whose
 * appends are durable (per {@code xstore.eventstore.fsync}) before a command is answered. A data directory written
 * with the earlier H2 (JPA) store is carried over into the log on the first start, once.
 */
@Configuration
public class EventStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventStoreConfiguration.class);

    /** The mapper of Axon's serializers reads the events' instants without a formatter (same values). */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer isoInstants() {
        return builder -> builder.deserializerByType(Instant.class, new IsoInstantDeserializer());
    }

    @Bean
    public EventStoreCarryOver eventStoreCarryOver(BackingServices services) {
        Path dataDir = services.dataDir();
        LegacyJpaEventStoreImport carryOver = new LegacyJpaEventStoreImport(
                LegacyJpaEventStoreImport.legacyDbFile(dataDir), logDirectory(dataDir));
        return new EventStoreCarryOver(carryOver.runIfNeeded(log::info)
                .map(summary -> {
                    log.info(String.format(Locale.ROOT, "event store carried over from the H2 store: %d events in "
                            + "%.1f s; the old file is kept as %s", summary.events(), summary.seconds(),
                            summary.renamedTo()));
                    return true;
                })
                .orElse(false));
    }

    @Bean(destroyMethod = "close")
    public FileEventStorageEngine eventStorageEngine(BackingServices services, EventStoreCarryOver carriedOver,
                                                     @Qualifier("eventSerializer") Serializer eventSerializer,
                                                     @Qualifier("serializer") Serializer serializer,
                                                     ObjectProvider<EventUpcaster> upcasters,
                                                     RevisionResolver revisions,
                                                     @Value("${xstore.eventstore.fsync:always}") String fsync) {
        return FileEventStorageEngine.builder()
                .directory(logDirectory(services.dataDir()))
                .fsyncPolicy(FsyncPolicy.valueOf(fsync.toUpperCase(Locale.ROOT)))
                .eventSerializer(CachedTypesJacksonSerializer.of(eventSerializer, revisions))
                .snapshotSerializer(serializer)
                .snapshotFilter(new CurrentRevisionSnapshotFilter(serializer))
                .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                .build();
    }

    @Bean
    public EngineEventFeed engineEventFeed(FileEventStorageEngine engine) {
        return new EngineEventFeed(engine);
    }

    static Path logDirectory(Path dataDir) {
        return dataDir.resolve("eventstore").resolve("log");
    }
}
