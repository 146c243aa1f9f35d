package io.xstore.command.project;

import io.xstore.protocol.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DataJpaTest
@Import(JpaProjectNames.class)
class JpaProjectNamesTest {

    @Autowired
    private JpaProjectNames names;

    @Test
    void addedNameIsFoundByIdAndByName() {
        names.add(new ProjectRef("id-1", "c1", "team/demo"));

        assertThat(names.byId("id-1")).contains(new ProjectRef("id-1", "c1", "team/demo"));
        assertThat(names.byName("c1", "team/demo")).map(ProjectRef::id).contains("id-1");
        assertThat(names.byName("c2", "team/demo")).isEmpty();
    }

    @Test
    void sameNameTwiceInOneCompanyIsTheDuplicateError() {
        names.add(new ProjectRef("id-1", "c1", "examples"));

        assertThatThrownBy(() -> names.add(new ProjectRef("id-2", "c1", "examples")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.subcode()).isEqualTo(801));
    }

    @Test
    void sameNameInTwoCompaniesIsAllowed() {
        names.add(new ProjectRef("id-1", "c1", "examples"));
        names.add(new ProjectRef("id-2", "c2", "examples"));

        assertThat(names.byName("c2", "examples")).map(ProjectRef::id).contains("id-2");
    }

    @Test
    void descendantsAreMatchedByPathPrefixParentsFirst() {
        names.add(new ProjectRef("1", "c1", "a_b"));
        names.add(new ProjectRef("2", "c1", "a_b/x/y"));
        names.add(new ProjectRef("3", "c1", "a_b/x"));
        names.add(new ProjectRef("4", "c1", "a_bc/z"));
        names.add(new ProjectRef("5", "c1", "aXb/x"));
        names.add(new ProjectRef("6", "c2", "a_b/other-company"));

        assertThat(names.descendants("c1", "a_b")).extracting(ProjectRef::id).containsExactly("3", "2");
    }

    @Test
    void renameAndRemoveFollowTheProject() {
        names.add(new ProjectRef("id-1", "c1", "old"));
        names.rename("id-1", "new");

        assertThat(names.byName("c1", "old")).isEmpty();
        assertThat(names.byName("c1", "new")).map(ProjectRef::id).contains("id-1");

        names.remove("id-1");
        assertThat(names.byId("id-1")).isEmpty();
    }
}
