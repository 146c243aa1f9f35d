package io.xstore.command.task;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of long task histories (a task records a metrics summary every few seconds while it runs): once a task
 * aggregate has been built from or has applied {@code xstore.command.task-snapshot-threshold} events since its last
 * snapshot, a new snapshot is stored after the command, so loading the task later reads the snapshot and only the
 * events after it. The snapshot is the aggregate's state ({@link TaskAggregate.Snapshot}) under the revision
 * {@link TaskAggregate#SNAPSHOT_REVISION}; one of another revision, or that cannot be read, is ignored.
 */
@Configuration
public class TaskSnapshots {

    public static final int DEFAULT_THRESHOLD = 500;

    @Bean
    public SnapshotTriggerDefinition taskSnapshotTrigger(
            Snapshotter snapshotter,
            @Value("${xstore.command.task-snapshot-threshold:" + DEFAULT_THRESHOLD + "}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
