package io.xstore.command.task;

import io.xstore.api.AuditEntry;
import io.xstore.command.ApiErrorMatcher;
import io.xstore.protocol.ApiException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;

import java.util.Set;

/** An aggregate fixture with the reference-checking handler, and a matcher for ClearML errors. */
final class TaskFixtures {

    private TaskFixtures() {
    }

    static FixtureConfiguration<TaskAggregate> fixture() {
        FixtureConfiguration<TaskAggregate> fixture = new AggregateTestFixture<>(TaskAggregate.class);
        fixture.registerAnnotatedCommandHandler(new TaskCommandHandler(fixture.getRepository(),
                new KnownProjects(Set.of(TaskTestData.PROJECT, "project2"))));
        return fixture;
    }

    static Matcher<ApiException> apiError(int code, int subcode) {
        return ApiErrorMatcher.apiError(code, subcode);
    }

    /** A project directory knowing a fixed set of project ids; new names get their name as id. */
    record KnownProjects(Set<String> ids) implements ProjectDirectory {

        @Override
        public boolean exists(String projectId, String company) {
            return ids.contains(projectId) || projectId.startsWith("p-");
        }

        @Override
        public String findOrCreate(String name, AuditEntry audit) {
            return "p-" + name;
        }
    }
}
