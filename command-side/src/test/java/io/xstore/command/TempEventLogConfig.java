package io.xstore.command;

import io.xstore.command.eventstore.CurrentRevisionSnapshotFilter;
import io.xstore.command.eventstore.FileEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** The server's event store, the file log, in a fresh directory under target/ (removed by mvn clean, not left in /tmp): for Spring tests of the write side. */
@Configuration
public class TempEventLogConfig {

    @Bean(destroyMethod = "close")
    public FileEventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer events,
                                                     @Qualifier("serializer") Serializer snapshots) throws IOException {
        return FileEventStorageEngine.builder()
                .directory(Files.createDirectories(Path.of("target", "event-log-" + UUID.randomUUID())))
                .eventSerializer(events)
                .snapshotSerializer(snapshots)
                .snapshotFilter(new CurrentRevisionSnapshotFilter(snapshots))
                .build();
    }
}
