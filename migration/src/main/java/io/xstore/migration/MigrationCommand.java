package io.xstore.migration;

import io.xstore.projection.replay.ReadModelRebuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The admin CLI, run through the server jar: {@code java -jar xstore-server.jar --migrate=rebuild-read-models}
 * replays the event store into fresh read models, prints progress, and exits.
 */
@Component
public class MigrationCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MigrationCommand.class);

    private final ReadModelRebuilder rebuilder;
    private final ConfigurableApplicationContext context;

    public MigrationCommand(ReadModelRebuilder rebuilder, ConfigurableApplicationContext context) {
        this.rebuilder = rebuilder;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("migrate")) {
            return;
        }
        String action = args.getOptionValues("migrate").get(0);
        int exitCode = 0;
        if ("rebuild-read-models".equals(action)) {
            rebuilder.rebuildAll(Duration.ofHours(6), line -> log.info("migration: {}", line));
        } else {
            log.error("unknown migration '{}'; known: rebuild-read-models", action);
            exitCode = 2;
        }
        int code = exitCode;
        System.exit(org.springframework.boot.SpringApplication.exit(context, () -> code));
    }
}
