package io.xstore.command.project;

import io.xstore.api.AuditEntry;
import io.xstore.api.project.CreateProjectCommand;
import io.xstore.api.project.DeleteProjectCommand;
import io.xstore.api.project.MergeProjectCommand;
import io.xstore.api.project.MoveProjectCommand;
import io.xstore.api.project.ProjectCreatedEvent;
import io.xstore.api.project.ProjectDeletedEvent;
import io.xstore.api.project.ProjectMergedEvent;
import io.xstore.api.project.ProjectMovedEvent;
import io.xstore.api.project.ProjectDefaultOutputDestinationChangedEvent;
import io.xstore.api.project.ProjectDescriptionChangedEvent;
import io.xstore.api.project.ProjectTagsChangedEvent;
import io.xstore.api.project.UpdateProjectCommand;
import io.xstore.protocol.ApiException;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectAggregateTest {

    private static final String COMPANY = "company-1";
    private static final AuditEntry AUDIT = new AuditEntry("user-1", "User", COMPANY,
            Instant.parse("2025-01-13T16:32:13Z"), "call-1");
    private static final String ID = "p".repeat(32);

    private FixtureConfiguration<ProjectAggregate> fixture;
    private TestProjectNames names;

    @BeforeEach
    void setUp() {
        names = new TestProjectNames();
        fixture = new AggregateTestFixture<>(ProjectAggregate.class);
        fixture.registerInjectableResource(names);
    }

    private static ProjectCreatedEvent created(String name, String parent, List<String> path) {
        return new ProjectCreatedEvent(ID, COMPANY, name, ProjectNameRules.basename(name), parent, path, "", List.of(),
                List.of(), null, AUDIT);
    }

    @Test
    void createdProjectHasCleanedNameAndBasename() {
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(ID, COMPANY, " team // demo ", "t", List.of("t"), "about",
                        List.of("x"), List.of("hidden"), "s3://bucket", AUDIT))
                .expectEvents(new ProjectCreatedEvent(ID, COMPANY, "team/demo", "demo", "t", List.of("t"), "about",
                        List.of("x"), List.of("hidden"), "s3://bucket", AUDIT));
    }

    @Test
    void creationWithoutOptionalFieldsUsesEmptyDefaults() {
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(ID, COMPANY, "examples", null, null, null, null, null, null, AUDIT))
                .expectEvents(created("examples", null, List.of()));
    }

    @Test
    void nameEmptyAfterCleanupIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(ID, COMPANY, " / ", null, null, "", null, null, null, AUDIT))
                .expectNoEvents()
                .expectException(ApiException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("Invalid project name"));
    }

    @Test
    void automaticallyCreatedAncestorMayHaveAShortName() {
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(ID, COMPANY, "a", null, null, "", null, null, null, AUDIT))
                .expectEvents(created("a", null, List.of()));
    }

    @Test
    void duplicateNameInTheSameCompanyIsRejected() {
        names.with("other", COMPANY, "examples");
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(ID, COMPANY, "examples", null, null, "", null, null, null, AUDIT))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("Project with the same name already exists"));
    }

    @Test
    void sameNameInAnotherCompanyIsFine() {
        names.with("other", "company-2", "examples");
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(ID, COMPANY, "examples", null, null, "", null, null, null, AUDIT))
                .expectEvents(created("examples", null, List.of()));
    }

    @Test
    void updateChangesPlainFields() {
        fixture.given(created("examples", null, List.of()))
                .when(new UpdateProjectCommand(ID, COMPANY, "new text", List.of("a"), null, "gs://x", AUDIT))
                .expectEvents(new ProjectDescriptionChangedEvent(ID, "new text", AUDIT),
                        new ProjectTagsChangedEvent(ID, List.of("a"), AUDIT),
                        new ProjectDefaultOutputDestinationChangedEvent(ID, "gs://x", AUDIT));
    }

    @Test
    void anotherCompanyCannotTouchTheProject() {
        fixture.given(created("examples", null, List.of()))
                .when(new UpdateProjectCommand(ID, "company-2", "new text", null, null, null, AUDIT))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("Invalid project id"));
    }

    @Test
    void moveGivesTheProjectItsNewNameAndLocation() {
        fixture.given(created("a/b", "pa", List.of("pa")))
                .when(new MoveProjectCommand(ID, COMPANY, "x/b", "px", List.of("px"), AUDIT))
                .expectEvents(new ProjectMovedEvent(ID, "x/b", "b", "px", List.of("px"), AUDIT));
    }

    @Test
    void moveOntoATakenNameIsRejected() {
        names.with("other", COMPANY, "x/b");
        fixture.given(created("a/b", "pa", List.of("pa")))
                .when(new MoveProjectCommand(ID, COMPANY, "x/b", "px", List.of("px"), AUDIT))
                .expectNoEvents()
                .expectException(ApiException.class);
    }

    @Test
    void moveToTheSameNameAndParentChangesNothing() {
        fixture.given(created("a/b", "pa", List.of("pa")))
                .when(new MoveProjectCommand(ID, COMPANY, "a/b", "pa", List.of("pa"), AUDIT))
                .expectNoEvents();
    }

    @Test
    void mergeIntoAnotherProjectEndsTheProject() {
        fixture.given(created("examples", null, List.of()))
                .when(new MergeProjectCommand(ID, COMPANY, "dest", AUDIT))
                .expectEvents(new ProjectMergedEvent(ID, "dest", AUDIT))
                .expectMarkedDeleted();
    }

    @Test
    void mergeIntoItselfIsRejected() {
        fixture.given(created("examples", null, List.of()))
                .when(new MergeProjectCommand(ID, COMPANY, ID, AUDIT))
                .expectNoEvents()
                .expectException(ApiException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("Project has the same source"));
    }

    @Test
    void deleteEndsTheProject() {
        fixture.given(created("examples", null, List.of()))
                .when(new DeleteProjectCommand(ID, COMPANY, AUDIT))
                .expectEvents(new ProjectDeletedEvent(ID, AUDIT))
                .expectMarkedDeleted();
    }

    @Test
    void deletedProjectAcceptsNoMoreCommands() {
        fixture.given(created("examples", null, List.of()), new ProjectDeletedEvent(ID, AUDIT))
                .when(new UpdateProjectCommand(ID, COMPANY, "x", null, null, null, AUDIT))
                .expectException(AggregateDeletedException.class);
    }

    @Test
    void rejectionCarriesClearMlCodes() {
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(ID, COMPANY, "a/b/c/d/e/f/g/h/i/j/k", null, null, "", null, null, null,
                        AUDIT))
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("Project path exceed"))
                .expectException(org.hamcrest.Matchers.instanceOf(ApiException.class));
        assertThat(names.all()).isEmpty();
    }
}
