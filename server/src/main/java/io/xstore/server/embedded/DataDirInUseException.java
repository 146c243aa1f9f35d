package io.xstore.server.embedded;

import java.nio.file.Path;
import org.springframework.boot.ExitCodeGenerator;

/** Another process (or application context) owns the data directory; the server must not start. */
public class DataDirInUseException extends RuntimeException implements ExitCodeGenerator {

    public static final int EXIT_CODE = 2;

    public DataDirInUseException(Path dataDir, String ownerPid) {
        super("another xstore server is using data dir " + dataDir + " (pid " + ownerPid + ")");
    }

    @Override
    public int getExitCode() {
        return EXIT_CODE;
    }
}
