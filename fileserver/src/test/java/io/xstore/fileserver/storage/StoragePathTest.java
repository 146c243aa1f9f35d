package io.xstore.fileserver.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoragePathTest {

    @Test
    void normalizesSlashesDotsAndInnerParentReferences() {
        assertThat(StoragePath.of("/a//b/./c")).hasToString("a/b/c");
        assertThat(StoragePath.of("a/x/../b")).hasToString("a/b");
        assertThat(StoragePath.of("a/b/").fileName()).isEqualTo("b");
    }

    @Test
    void keepsUnusualCharactersLiterally() {
        assertThat(StoragePath.of("/p%20q/t.1/a b;c$[x]").segments()).containsExactly("p%20q", "t.1", "a b;c$[x]");
        assertThat(StoragePath.of("...").fileName()).isEqualTo("...");
    }

    @Test
    void rejectsPathsAboveTheRoot() {
        assertThatThrownBy(() -> StoragePath.of("../x"))
                .isInstanceOfSatisfying(InvalidStoragePathException.class, e -> assertThat(e.escapesRoot()).isTrue());
        assertThatThrownBy(() -> StoragePath.of("/a/../../x")).isInstanceOf(InvalidStoragePathException.class);
    }

    @Test
    void rejectsEmptyPathsTheRootItselfAndNulCharacters() {
        for (String path : new String[] {"", "/", "/./", "a/..", "a\0b"}) {
            assertThatThrownBy(() -> StoragePath.of(path)).as(path)
                    .isInstanceOfSatisfying(InvalidStoragePathException.class,
                            e -> assertThat(e.escapesRoot()).isFalse());
        }
    }

    @Test
    void rejectsSegmentsLongerThanAFileNameMayBe() {
        assertThatThrownBy(() -> StoragePath.of("a/" + "x".repeat(256))).isInstanceOf(InvalidStoragePathException.class);
        assertThat(StoragePath.of("a/" + "x".repeat(250)).fileName()).hasSize(250);
    }
}
