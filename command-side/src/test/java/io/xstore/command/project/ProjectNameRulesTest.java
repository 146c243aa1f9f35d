package io.xstore.command.project;

import io.xstore.protocol.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectNameRulesTest {

    @Test
    void cleanupTrimsLevelsAndDropsEmptyOnes() {
        assertThat(ProjectNameRules.clean(" a//b ")).isEqualTo("a/b");
        assertThat(ProjectNameRules.clean("/ team / project x /")).isEqualTo("team/project x");
    }

    @Test
    void nameEmptyAfterCleanupIsInvalidProjectName() {
        assertThatThrownBy(() -> ProjectNameRules.normalize(" / // "))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.subcode()).isEqualTo(407));
    }

    @Test
    void fullNameShorterThanThreeCharactersIsDataValidationError() {
        assertThatThrownBy(() -> ProjectNameRules.normalize("ab"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.subcode()).isEqualTo(800));
    }

    @Test
    void shortAncestorsAreFineWhenTheFullNameIsLongEnough() {
        assertThat(ProjectNameRules.normalize("a/b/c")).isEqualTo("a/b/c");
    }

    @Test
    void moreThanTenLevelsExceedsTheMaximumDepth() {
        String eleven = String.join("/", List.of("l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11"));
        assertThatThrownBy(() -> ProjectNameRules.normalize(eleven))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.subcode()).isEqualTo(409));
        assertThat(ProjectNameRules.normalize(eleven.substring(0, eleven.lastIndexOf('/')))).isNotEmpty();
    }

    @Test
    void levelsListTheAncestorsRootFirst() {
        assertThat(ProjectNameRules.levels("a/b/c")).containsExactly("a", "a/b", "a/b/c");
        assertThat(ProjectNameRules.ancestors("a/b/c")).containsExactly("a", "a/b");
        assertThat(ProjectNameRules.basename("a/b/c")).isEqualTo("c");
        assertThat(ProjectNameRules.parentName("a/b/c")).isEqualTo("a/b");
        assertThat(ProjectNameRules.parentName("abc")).isNull();
    }

    @Test
    void duplicateErrorCarriesClearMlMessage() {
        ApiException error = ProjectNameRules.duplicate("c1", "examples");
        assertThat(error.code()).isEqualTo(400);
        assertThat(error.subcode()).isEqualTo(801);
        assertThat(error.getMessage()).startsWith("Project with the same name already exists");
    }
}
