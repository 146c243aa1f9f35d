package io.xstore.harness;

import io.xstore.migration.ops.OpsCli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the operations tool in this JVM, as an operator would from the command line. */
final class OpsRun {

    private OpsRun() {
    }

    /** The tool's standard output; the command must exit 0 (the output is the failure message otherwise). */
    static String ok(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        OpsCli.Outcome outcome = OpsCli.run(args, out);
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(outcome.exitCode()).as(text).isZero();
        return text;
    }
}
