/**
 * The event store of the command side: an append-only, checksummed, segmented log in one directory, used by Axon
 * through {@link io.xstore.command.eventstore.FileEventStorageEngine}.
 * <p>
 * Directory layout: {@code <20-digit first index>.log} segments (a new one after ~64 MB), {@code snapshots.dat},
 * and during a legacy import {@code legacy-import.in-progress}. Global indexes are dense and 0-based; tracking
 * tokens are {@link org.axonframework.eventhandling.GlobalSequenceTrackingToken}s of the event's index.
 * <p>
 * {@link io.xstore.command.eventstore.LegacyJpaEventStoreImport} moves the events of the old Axon JPA store
 * (H2) into an empty log once.
 */
package io.xstore.command.eventstore;
