package io.xstore.server.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootExceptionReporter;

/**
 * Reports a busy data directory as one log line instead of Spring Boot's "Application run failed" stack trace;
 * the exit code comes from {@link DataDirInUseException#getExitCode()}.
 */
public class DataDirInUseReporter implements SpringBootExceptionReporter {

    private static final Logger log = LoggerFactory.getLogger(DataDirInUseReporter.class);

    @Override
    public boolean reportException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataDirInUseException inUse) {
                log.error(inUse.getMessage());
                return true;
            }
        }
        return false;
    }
}
