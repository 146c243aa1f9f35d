package io.xstore.server.eventstore;

/** Whether this start carried an event store of the old format over into the event log (the read models then replay). */
public record EventStoreCarryOver(boolean carriedOver) {
}
