package io.xstore.fileserver.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDiskFileStorageTest {

    @TempDir
    Path temp;

    @Test
    void writeCreatesFoldersAndStatAndOpenReadItBack() throws IOException {
        LocalDiskFileStorage storage = new LocalDiskFileStorage(temp.resolve("files").toString());
        StoragePath path = StoragePath.of("a/b/c.txt");

        storage.write(path, stream("hello world"));

        assertThat(storage.stat(path)).get().extracting(FileInfo::size).isEqualTo(11L);
        try (InputStream in = storage.open(path, 6)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("world");
        }
        assertThat(storage.stat(StoragePath.of("a/b"))).isEmpty();
        assertThat(storage.stat(StoragePath.of("a/b/c.txt/d"))).isEmpty();
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTempFile() throws IOException {
        LocalDiskFileStorage storage = new LocalDiskFileStorage(temp.resolve("files").toString());
        StoragePath path = StoragePath.of("x/data.bin");
        storage.write(path, stream("old"));
        InputStream failing = new InputStream() {
            private int count;

            @Override
            public int read() throws IOException {
                if (count++ > 1000) {
                    throw new IOException("connection reset");
                }
                return 'n';
            }
        };

        assertThatThrownBy(() -> storage.write(path, failing)).hasMessage("connection reset");

        assertThat(storage.root().resolve("x/data.bin")).hasContent("old");
        try (var files = Files.list(storage.root().resolve("x"))) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void writingWhereAFolderOrAFileIsInTheWayIsAConflict() throws IOException {
        LocalDiskFileStorage storage = new LocalDiskFileStorage(temp.resolve("files").toString());
        storage.write(StoragePath.of("f/inner.txt"), stream("x"));

        assertThatThrownBy(() -> storage.write(StoragePath.of("f"), stream("y")))
                .isInstanceOf(PathConflictException.class);
        assertThatThrownBy(() -> storage.write(StoragePath.of("f/inner.txt/deeper.txt"), stream("y")))
                .isInstanceOf(PathConflictException.class);
    }

    @Test
    void deleteFileRemovesOnlyRegularFiles() throws IOException {
        LocalDiskFileStorage storage = new LocalDiskFileStorage(temp.resolve("files").toString());
        storage.write(StoragePath.of("d/file.txt"), stream("x"));

        assertThat(storage.deleteFile(StoragePath.of("d"))).isFalse();
        assertThat(storage.deleteFile(StoragePath.of("d/file.txt"))).isTrue();
        assertThat(storage.deleteFile(StoragePath.of("d/file.txt"))).isFalse();
    }

    @Test
    void deleteFileOrFolderRemovesWholeTrees() throws IOException {
        LocalDiskFileStorage storage = new LocalDiskFileStorage(temp.resolve("files").toString());
        storage.write(StoragePath.of("t/a/1.txt"), stream("1"));
        storage.write(StoragePath.of("t/a/b/2.txt"), stream("2"));
        storage.write(StoragePath.of("t/3.txt"), stream("3"));

        assertThat(storage.deleteFileOrFolder(StoragePath.of("t/a"))).isEqualTo(DeleteOutcome.DELETED_FOLDER);
        assertThat(storage.deleteFileOrFolder(StoragePath.of("t/3.txt"))).isEqualTo(DeleteOutcome.DELETED_FILE);
        assertThat(storage.deleteFileOrFolder(StoragePath.of("t/a"))).isEqualTo(DeleteOutcome.NOT_FOUND);
        assertThat(storage.root().resolve("t")).isEmptyDirectory();
    }

    @Test
    void symlinksThatLeadOutsideTheRootAreRefusedAndNothingOutsideIsTouched() throws IOException {
        LocalDiskFileStorage storage = new LocalDiskFileStorage(temp.resolve("files").toString());
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(storage.root().resolve("dir-link"), outside);
        Files.createSymbolicLink(storage.root().resolve("file-link.txt"), outside.resolve("secret.txt"));

        String[] escapingPaths = {"dir-link/secret.txt", "file-link.txt", "dir-link", "dir-link/new/x.txt"};
        for (String escaping : escapingPaths) {
            StoragePath path = StoragePath.of(escaping);
            assertThatThrownBy(() -> storage.stat(path)).as(escaping).isInstanceOf(InvalidStoragePathException.class)
                    .matches(e -> ((InvalidStoragePathException) e).escapesRoot());
            assertThatThrownBy(() -> storage.open(path, 0)).as(escaping)
                    .isInstanceOf(InvalidStoragePathException.class);
            assertThatThrownBy(() -> storage.write(path, stream("overwritten"))).as(escaping)
                    .isInstanceOf(InvalidStoragePathException.class);
            assertThatThrownBy(() -> storage.deleteFile(path)).as(escaping)
                    .isInstanceOf(InvalidStoragePathException.class);
            assertThatThrownBy(() -> storage.deleteFileOrFolder(path)).as(escaping)
                    .isInstanceOf(InvalidStoragePathException.class);
        }

        assertThat(outside.resolve("secret.txt")).hasContent("secret");
        try (var files = Files.list(outside)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void symlinksThatStayInsideTheRootAreFollowed() throws IOException {
        LocalDiskFileStorage storage = new LocalDiskFileStorage(temp.resolve("files").toString());
        storage.write(StoragePath.of("real/data.txt"), stream("inside"));
        Files.createSymbolicLink(storage.root().resolve("alias"), storage.root().resolve("real"));

        assertThat(storage.stat(StoragePath.of("alias/data.txt"))).isPresent();
        storage.write(StoragePath.of("alias/more.txt"), stream("more"));

        assertThat(storage.root().resolve("real/more.txt")).hasContent("more");
    }

    @Test
    void aRootReachedThroughASymlinkWorks() throws IOException {
        Path real = Files.createDirectories(temp.resolve("real-root"));
        Path link = Files.createSymbolicLink(temp.resolve("root-link"), real);
        LocalDiskFileStorage storage = new LocalDiskFileStorage(link.toString());

        storage.write(StoragePath.of("a/b.txt"), stream("ok"));

        assertThat(real.resolve("a/b.txt")).hasContent("ok");
        assertThat(storage.stat(StoragePath.of("a/b.txt"))).isPresent();
    }

    @Test
    void tempFilesOfUploadsCutOffBeforeTheStartAreRemoved() throws IOException {
        LocalDiskFileStorage storage = new LocalDiskFileStorage(temp.resolve("files").toString());
        storage.write(StoragePath.of("p/kept.bin"), stream("kept"));
        Path abandoned = storage.root().resolve("p/" + LocalDiskFileStorage.TEMP_PREFIX + "0123456789abcdef.tmp");
        Path running = storage.root().resolve("p/" + LocalDiskFileStorage.TEMP_PREFIX + "fedcba9876543210.tmp");
        Files.writeString(abandoned, "partial");
        Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minusSeconds(3600)));
        Files.writeString(running, "still arriving");

        int removed = storage.removeAbandonedUploads(java.time.Instant.now().minusSeconds(60));

        assertThat(removed).isEqualTo(1);
        assertThat(abandoned).doesNotExist();
        assertThat(running).exists();
        assertThat(storage.root().resolve("p/kept.bin")).exists();
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
