package io.xstore.command.project;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryProjectNamesTest {

    private final InMemoryProjectNames names = new InMemoryProjectNames();

    @Test
    void aChangeMadeInAUnitOfWorkThatRollsBackIsUndone() {
        names.add(new ProjectRef("p1", "co", "kept"));

        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        names.add(new ProjectRef("p2", "co", "added"));
        names.rename("p1", "renamed");
        unitOfWork.rollback();

        assertThat(names.byName("co", "added")).isEmpty();
        assertThat(names.byName("co", "renamed")).isEmpty();
        assertThat(names.byId("p1").orElseThrow().name()).isEqualTo("kept");
    }

    @Test
    void aChangeMadeInAUnitOfWorkThatCommitsStays() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        names.add(new ProjectRef("p1", "co", "a"));
        names.add(new ProjectRef("p2", "co", "a/b"));
        unitOfWork.commit();

        assertThat(names.descendants("co", "a")).extracting(ProjectRef::id).containsExactly("p2");
    }
}
