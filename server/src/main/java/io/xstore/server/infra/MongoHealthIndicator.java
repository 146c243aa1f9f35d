package io.xstore.server.infra;

import com.mongodb.client.MongoDatabase;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Readiness of MongoDB: a ping through the driver, bounded to 2 s. Contributor name: {@code mongo}. */
@Component("mongoHealthIndicator")
public class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;

    public MongoHealthIndicator(MongoDatabase database) {
        super("MongoDB health check failed");
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document reply = database.withTimeout(2, TimeUnit.SECONDS).runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database.getName()).withDetail("ok", reply.get("ok"));
    }
}
