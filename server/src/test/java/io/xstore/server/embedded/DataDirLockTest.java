package io.xstore.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {

    @TempDir
    Path dataDir;

    @Test
    void aSecondLockInTheSameProcessFailsNamingDirAndPid() {
        try (DataDirLock first = DataDirLock.acquire(dataDir)) {
            assertThatThrownBy(() -> DataDirLock.acquire(dataDir))
                    .isInstanceOf(DataDirInUseException.class)
                    .hasMessage("another xstore server is using data dir " + dataDir.toAbsolutePath().normalize()
                            + " (pid " + ProcessHandle.current().pid() + ")");
        }
    }

    @Test
    void theLockIsFreeAgainAfterClose() {
        DataDirLock.acquire(dataDir).close();

        try (DataDirLock again = DataDirLock.acquire(dataDir)) {
            assertThat(again.dataDir()).isEqualTo(dataDir.toAbsolutePath().normalize());
        }
    }

    @Test
    void aMissingDataDirIsCreated() {
        Path nested = dataDir.resolve("a/b");

        try (DataDirLock lock = DataDirLock.acquire(nested)) {
            assertThat(nested.resolve(DataDirLock.LOCK_FILE)).exists();
        }
    }

    @Test
    void aLockHeldByAnotherProcessFailsNamingThatProcess() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("locked");

            assertThatThrownBy(() -> DataDirLock.acquire(dataDir))
                    .isInstanceOf(DataDirInUseException.class)
                    .hasMessageContaining("another xstore server is using data dir " + dataDir.toAbsolutePath().normalize())
                    .hasMessageEndingWith("(pid " + holder.pid() + ")");
            assertThat(((DataDirInUseException) catchFailure(dataDir)).getExitCode()).isNotZero();
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }

        try (DataDirLock afterHolderDied = DataDirLock.acquire(dataDir)) {
            assertThat(Files.readString(dataDir.resolve(DataDirLock.LOCK_FILE)).trim())
                    .isEqualTo(String.valueOf(ProcessHandle.current().pid()));
        }
    }

    private static Throwable catchFailure(Path dir) {
        try {
            DataDirLock.acquire(dir).close();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** Runs in a child JVM: holds the lock until killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            DataDirLock.acquire(Path.of(args[0]));
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
