package io.xstore.server.wiring;

import io.xstore.query.engine.CollationSupport;
import io.xstore.server.embedded.BackingService;
import io.xstore.server.embedded.BackingServices;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * An external MongoDB applies collations; the embedded mongo-java-server ignores them (docs/api/behaviour-rules.md
 * §2), so the query side then orders numerically in Java. Without the backing services bean the Java path is taken,
 * which is correct on either server.
 */
@Component
public class MongoCollationSupport implements CollationSupport {

    private final ObjectProvider<BackingServices> services;

    public MongoCollationSupport(ObjectProvider<BackingServices> services) {
        this.services = services;
    }

    @Override
    public boolean supported() {
        BackingServices running = services.getIfAvailable();
        return running != null && !running.runsEmbedded(BackingService.MONGODB);
    }
}
