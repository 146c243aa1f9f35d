package io.xstore.migration.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format file tells an empty directory, an old one and a current one apart. */
class DataDirFormatTest {

    @TempDir
    Path dir;

    @Test
    void aDirectoryWithoutTheFileIsEmptyOrFormatOne() {
        assertThat(DataDirFormat.read(dir, false).format()).isZero();
        DataDirFormat.Found old = DataDirFormat.read(dir, true);
        assertThat(old.format()).isEqualTo(1);
        assertThat(old.needsUpgrade()).isTrue();
        assertThat(DataDirFormat.readModelsRebuiltFrom(old.format())).isTrue();
    }

    @Test
    void theWrittenFormatIsReadBack() throws Exception {
        DataDirFormat.writeCurrent(dir, 1);

        DataDirFormat.Found found = DataDirFormat.read(dir, true);
        assertThat(found.format()).isEqualTo(DataDirFormat.CURRENT);
        assertThat(found.needsUpgrade()).isFalse();
        assertThat(found.writtenBy()).startsWith("xstore");
        assertThat(Files.readString(dir.resolve(DataDirFormat.FILE))).contains("upgraded-from=1");
    }

    @Test
    void aNewerFormatIsRecognised() {
        DataDirFormat.write(dir, DataDirFormat.CURRENT + 1, 0);

        assertThat(DataDirFormat.read(dir, true).newerThanThisServer()).isTrue();
    }
}
