package io.xstore.migration.ops;

import io.xstore.migration.ops.backup.Backup;
import io.xstore.migration.ops.backup.Restore;
import io.xstore.migration.ops.check.UpgradeCheck;
import io.xstore.migration.ops.online.OnlineRequestClient;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The operations tool: {@code java -jar xstore-server-exec.jar ops <command> [--option=value ...]}. Commands that
 * read files only (check, backup, restore) run here, without the server; those that need the server's aggregates,
 * projectors or indexer (offline rebuilds, import) run the server with {@code --migrate=<command>}, which exits when
 * done; the online rebuilds (reindex, replay) are requests to the server running on the data directory.
 * The older {@code --migrate=rebuild-read-models|reindex-events|rebuild-all} flags stay valid. See docs/operations.md.
 */
public final class OpsCli {

    public static final String COMMAND = "ops";
    /** Commands run inside the server ({@code --migrate=<command>}). */
    private static final List<String> SERVER_COMMANDS = List.of("rebuild-read-models", "reindex-events",
            "rebuild-all", "import");

    /** Exit code when the tool ran alone, or the arguments to start the server with. */
    public record Outcome(int exitCode, String[] serverArgs) {
    }

    private OpsCli() {
    }

    public static Outcome run(String[] args) {
        return run(args, System.out);
    }

    public static Outcome run(String[] args, PrintStream out) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            out.println(usage());
            return new Outcome(args.length == 0 ? 2 : 0, null);
        }
        String command = args[0];
        Map<String, String> options = options(args);
        if (SERVER_COMMANDS.contains(command)) {
            List<String> serverArgs = new ArrayList<>();
            serverArgs.add("--migrate=" + command);
            for (int i = 1; i < args.length; i++) {
                serverArgs.add(args[i]);
            }
            return new Outcome(0, serverArgs.toArray(new String[0]));
        }
        try {
            Path dataDir = dataDir(options);
            return switch (command) {
                case "check" -> new Outcome(new UpgradeCheck(dataDir, options.get("mongo"), out).run() == 0 ? 0 : 1,
                        null);
                case "backup" -> backup(dataDir, options, out);
                case "restore" -> restore(dataDir, options, out);
                case "reindex", "replay" -> new Outcome(new OnlineRequestClient(dataDir, System.err, out).run(
                        command.equals("replay") && options.containsKey("check-only") ? "replay-check" : command),
                        null);
                default -> {
                    out.println("ops: unknown command '" + command + "'\n" + usage());
                    yield new Outcome(2, null);
                }
            };
        } catch (IllegalArgumentException e) {
            out.println("ops " + command + ": " + e.getMessage());
            return new Outcome(2, null);
        } catch (RuntimeException e) {
            out.println("ops " + command + " failed: " + e);
            return new Outcome(1, null);
        }
    }

    private static Outcome backup(Path dataDir, Map<String, String> options, PrintStream out) {
        Path target = Path.of(required(options, "to"));
        Properties running = RunningServer.endpoints(dataDir).orElseGet(Properties::new);
        String kafka = options.getOrDefault("kafka", running.getProperty(RunningServer.KAFKA));
        if (kafka == null && !options.containsKey("no-metric-log")) {
            throw new IllegalArgumentException("no server is running on " + dataDir + " (or it is still starting): "
                    + "the metric event log is read from its Kafka; start it, give --kafka=HOST:PORT, or "
                    + "--no-metric-log to leave the metric log out");
        }
        String topic = options.getOrDefault("topic", running.getProperty(RunningServer.EVENTS_TOPIC, "task-events"));
        String mongo = options.containsKey("no-file-deletions") ? null
                : options.getOrDefault("mongo", running.getProperty(RunningServer.MONGODB));
        if (mongo == null && !options.containsKey("no-file-deletions")) {
            throw new IllegalArgumentException("no server is running on " + dataDir + " (or it is still starting): "
                    + "the file deletions are read from its MongoDB; start it, give --mongo=URI, or "
                    + "--no-file-deletions to leave them out");
        }
        Path files = Path.of(options.getOrDefault("files-root", running.getProperty(RunningServer.FILES_ROOT,
                DataDirs.files(dataDir).toString())));
        new Backup(new Backup.Sources(dataDir, files, kafka, topic, mongo), out).run(target);
        return new Outcome(0, null);
    }

    private static Outcome restore(Path dataDir, Map<String, String> options, PrintStream out) {
        Path from = Path.of(required(options, "from"));
        Path files = Path.of(options.getOrDefault("files-root", DataDirs.files(dataDir).toString()));
        if (RunningServer.isRunning(dataDir)) {
            throw new IllegalArgumentException("a server is running on " + dataDir);
        }
        List<String> problems = new Restore(out).run(from, dataDir, files);
        problems.forEach(p -> out.println("restore: " + p));
        return new Outcome(problems.isEmpty() ? 0 : 1, null);
    }

    private static Path dataDir(Map<String, String> options) {
        String dir = options.get("data-dir");
        if (dir == null) {
            dir = options.get("xstore.data-dir");
        }
        if (dir == null) {
            dir = System.getenv().getOrDefault("XSTORE_DATA_DIR", "./data");
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + "=... is required");
        }
        return value;
    }

    /** {@code --name=value}, {@code --name value} and bare {@code --flag} (value "true"). */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                options.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(arg.substring(2), args[++i]);
            } else {
                options.put(arg.substring(2), "true");
            }
        }
        return options;
    }

    static String usage() {
        return """
                usage: java -jar xstore-server-exec.jar ops <command> [--option=value ...]   (docs/operations.md)
                  check    [--data-dir=D] [--mongo=URI]         what an upgrade to this build meets; exit 1 if blocked
                  backup   --to=DIR [--data-dir=D]              online: event store, metric event log, files,
                           file deletions   [--kafka=HOST:PORT] [--topic=T] [--mongo=URI] [--files-root=F]
                           [--no-metric-log] [--no-file-deletions]
                  restore  --from=DIR --data-dir=EMPTY [--files-root=F]   verified copy; first start loads the rest
                  import   --mongo=URI --elastic=URL [--files-from=DIR] [server options]   from a ClearML server
                  reindex  [--data-dir=D]                       online: new event indices, reads switched when complete
                  replay   [--data-dir=D] [--check-only]        online: read models replayed beside the live ones,
                                                                compared, switched when equal (or only compared)
                  rebuild-read-models | reindex-events | rebuild-all [server options]   offline rebuilds
                  (the server options are the server's own, e.g. --xstore.data-dir=D)""";
    }
}
