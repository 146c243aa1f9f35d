package io.xstore.migration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;


/**
 * The admin CLI, run through the server jar: {@code java -jar xstore-server-exec.jar --migrate=<action>} runs an
 * action, prints progress, and exits. {@code rebuild-read-models} replays the event store into fresh read models (the
 * replay itself runs during start-up, before the projections start: the server's read-model warm-up);
 * {@code reindex-events} replays the metric event log into fresh Elasticsearch indices; {@code rebuild-all} does both.
 */
@Component
public class MigrationCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MigrationCommand.class);

    private final ConfigurableApplicationContext context;
    private final EventIndexRebuild eventIndexRebuild;

    public MigrationCommand(ConfigurableApplicationContext context, EventIndexRebuild eventIndexRebuild) {
        this.context = context;
        this.eventIndexRebuild = eventIndexRebuild;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("migrate")) {
            return;
        }
        String action = args.getOptionValues("migrate").get(0);
        int exitCode = 0;
        switch (action) {
            case "rebuild-read-models" -> log.info("migration: read models rebuilt from the event store; exiting");
            case "reindex-events", "rebuild-all" -> {
                eventIndexRebuild.rebuild(line -> log.info("migration: {}", line));
                log.info("migration: {} done; exiting", action);
            }
            default -> {
                log.error("unknown migration '{}'; known: rebuild-read-models, reindex-events, rebuild-all", action);
                exitCode = 2;
            }
        }
        int code = exitCode;
        System.exit(org.springframework.boot.SpringApplication.exit(context, () -> code));
    }
}
