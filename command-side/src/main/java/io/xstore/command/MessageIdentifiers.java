package io.xstore.command;

import io.xstore.api.NewIds;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's ids of commands, events and units of work, from {@link NewIds} instead of {@code UUID.randomUUID()}: a
 * command makes several, and the shared {@code SecureRandom} behind the default was a visible share of a write.
 * Found by Axon through {@code META-INF/services}.
 */
public final class MessageIdentifiers extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return NewIds.uuid();
    }
}
