package io.xstore.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.xstore.server.ServerTestSupport;
import io.xstore.server.XstoreServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class DataDirInUseIT extends ServerTestSupport {

    @Test
    void aSecondServerOnTheSameDataDirFailsFastWithOneLine(CapturedOutput output) throws Exception {
        long start = System.nanoTime();
        // off the main thread: Spring Boot would register the failure's exit code for the test JVM's main thread
        Throwable failure = CompletableFuture.supplyAsync(() -> {
            try {
                new SpringApplicationBuilder(XstoreServer.class)
                        .web(WebApplicationType.NONE)
                        .run("--xstore.data-dir=" + DATA_DIR);
                return null;
            } catch (Throwable e) {
                return e;
            }
        }).get(60, TimeUnit.SECONDS);

        assertThat(failure).isInstanceOf(DataDirInUseException.class);
        assertThat(((DataDirInUseException) failure).getExitCode()).isNotZero();
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(20));
        assertThat(output.getAll().lines().filter(l -> l.contains("another xstore server is using data dir " + DATA_DIR)))
                .singleElement().asString().contains("(pid " + ProcessHandle.current().pid() + ")");
        assertThat(output.getAll()).doesNotContain("Application run failed");
        assertThat(mongoDatabase.runCommand(new org.bson.Document("ping", 1)).get("ok")).as("the running server is unharmed")
                .isIn(1, 1.0);
    }
}
