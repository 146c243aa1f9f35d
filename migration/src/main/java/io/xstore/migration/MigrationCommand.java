package io.xstore.migration;

import io.xstore.migration.ops.imports.ClearmlImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.nio.file.Path;


/**
 * The admin CLI, run through the server jar: {@code java -jar xstore-server-exec.jar --migrate=<action>} runs an
 * action, prints progress, and exits. {@code rebuild-read-models} replays the event store into fresh read models (the
 * replay itself runs during start-up, before the projections start: the server's read-model warm-up);
 * {@code reindex-events} replays the metric event log into fresh Elasticsearch indices; {@code rebuild-all} does both;
 * {@code import} carries a ClearML server's data over ({@link ClearmlImport}). {@code ops <command>} is the same.
 */
@Component
public class MigrationCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MigrationCommand.class);

    private final ConfigurableApplicationContext context;
    private final EventIndexRebuild eventIndexRebuild;
    private final ClearmlImport clearmlImport;

    public MigrationCommand(ConfigurableApplicationContext context, EventIndexRebuild eventIndexRebuild,
                            ClearmlImport clearmlImport) {
        this.context = context;
        this.eventIndexRebuild = eventIndexRebuild;
        this.clearmlImport = clearmlImport;
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
            case "import" -> {
                String mongo = option(args, "mongo", null);
                if (mongo == null) {
                    log.error("import: --mongo=mongodb://host:port of the ClearML server is required");
                    exitCode = 2;
                } else {
                    String filesFrom = option(args, "files-from", null);
                    log.info("{}", clearmlImport.run(new ClearmlImport.Options(mongo,
                            option(args, "backend-db", "backend"), option(args, "auth-db", "auth"),
                            option(args, "elastic", null), option(args, "elastic-index-prefix", ""),
                            filesFrom == null ? null : Path.of(filesFrom), option(args, "files-url-from", null),
                            option(args, "files-url-to", null))));
                }
            }
            default -> {
                log.error("unknown migration '{}'; known: rebuild-read-models, reindex-events, rebuild-all, import",
                        action);
                exitCode = 2;
            }
        }
        int code = exitCode;
        System.exit(org.springframework.boot.SpringApplication.exit(context, () -> code));
    }

    private static String option(ApplicationArguments args, String name, String fallback) {
        return args.containsOption(name) && !args.getOptionValues(name).isEmpty()
                ? args.getOptionValues(name).get(0) : fallback;
    }
}
