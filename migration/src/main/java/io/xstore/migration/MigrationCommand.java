package io.xstore.migration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;


/**
 * The admin CLI, run through the server jar: {@code java -jar xstore-server-exec.jar --migrate=rebuild-read-models}
 * replays the event store into fresh read models, prints progress, and exits. The replay itself runs during start-up,
 * before the projections start (the server's read-model warm-up); this runner reports and ends the process.
 */
@Component
public class MigrationCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MigrationCommand.class);

    private final ConfigurableApplicationContext context;

    public MigrationCommand(ConfigurableApplicationContext context) {
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
            log.info("migration: read models rebuilt from the event store; exiting");
        } else {
            log.error("unknown migration '{}'; known: rebuild-read-models", action);
            exitCode = 2;
        }
        int code = exitCode;
        System.exit(org.springframework.boot.SpringApplication.exit(context, () -> code));
    }
}
