package io.xstore.server;

import io.xstore.migration.ops.OpsCli;
import io.xstore.server.launcher.UnpackedClassPath;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The whole server: API (8008), file server (8081), web app (8080), on embedded or external backing services. */
@SpringBootApplication(scanBasePackages = "io.xstore")
@ConfigurationPropertiesScan("io.xstore")
@AutoConfigurationPackage(basePackages = "io.xstore")
public class XstoreServer {

    /**
     * {@code ops <command>} runs the operations tool (docs/operations.md) instead of, or through, the server. Run
     * from the executable jar, this runs once more from its unpacked class path (faster class loading), see
     * {@link UnpackedClassPath}.
     */
    public static void main(String[] args) {
        if (UnpackedClassPath.relaunch(XstoreServer.class, args)) {
            return;
        }
        if (args.length > 0 && OpsCli.COMMAND.equals(args[0])) {
            OpsCli.Outcome outcome = OpsCli.run(java.util.Arrays.copyOfRange(args, 1, args.length));
            if (outcome.serverArgs() == null) {
                System.exit(outcome.exitCode());
            }
            args = outcome.serverArgs();
        }
        SpringApplication.run(XstoreServer.class, args);
    }
}
