package io.xstore.command.project;

import io.xstore.command.AggregateCaches;
import io.xstore.command.TempEventLogConfig;
import io.xstore.api.AuditEntry;
import io.xstore.api.project.CreateProjectCommand;
import io.xstore.api.model.CreateModelCommand;
import io.xstore.api.model.DeleteModelCommand;
import io.xstore.api.model.EditModelCommand;
import io.xstore.api.model.ModelFields;
import io.xstore.command.model.ModelAggregate;
import io.xstore.command.task.TaskAggregate;
import io.xstore.command.task.ProjectDirectory;
import io.xstore.protocol.ApiException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The project write side as the server runs it: Axon on Spring Boot with the the file event log, the name lookup
 * written by the subscribing projector in the command's unit of work.
 */
@SpringBootTest(classes = ProjectWriteSideSpringTest.WriteSide.class, properties = {
        "axon.axonserver.enabled=false", "axon.update-check.disabled=true",
        "axon.serializer.general=jackson", "axon.serializer.events=jackson", "axon.serializer.messages=jackson"})
class ProjectWriteSideSpringTest {

    @Configuration
    @EnableAutoConfiguration
    @Import({TempEventLogConfig.class, AggregateCaches.class})
    @ComponentScan(basePackageClasses = {ProjectAggregate.class, ModelAggregate.class, TaskAggregate.class})
    static class WriteSide {
    }

    private static final AuditEntry AUDIT = new AuditEntry("user-1", "User", "spring-co", Instant.now(), "call");

    @Autowired
    private ProjectCreation creation;
    @Autowired
    private ProjectNames names;
    @Autowired
    private ProjectDirectory directory;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private ProjectRelocation relocation;

    @Test
    void nestedCreationFillsTheLookupInTheSameUnitOfWork() {
        String id = creation.create("spring-co", "deep/er/project", "", List.of(), List.of(), null, AUDIT);

        assertThat(names.byName("spring-co", "deep")).isPresent();
        assertThat(names.byName("spring-co", "deep/er")).isPresent();
        assertThat(names.byId(id).orElseThrow().name()).isEqualTo("deep/er/project");
        assertThat(directory.exists(id, "spring-co")).isTrue();
        assertThat(directory.exists(id, "other-co")).isFalse();
        assertThat(directory.findOrCreate("deep/er/project", AUDIT)).isEqualTo(id);
    }

    @Test
    void duplicateNameThroughTheGatewayIsTheClearMlError() {
        creation.create("spring-co", "unique-one", "", List.of(), List.of(), null, AUDIT);

        assertThatThrownBy(() -> commands.sendAndWait(new CreateProjectCommand("d".repeat(32), "spring-co",
                "unique-one", null, List.of(), "", List.of(), List.of(), null, AUDIT)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.subcode()).isEqualTo(801));
        assertThat(names.byId("d".repeat(32))).isEmpty();
    }

    @Test
    void storedEventsComeBackWhenAggregatesAreLoaded() {
        String id = creation.create("spring-co", "round/trip", "text", List.of("t"), List.of("hidden"), "s3://b", AUDIT);
        assertThat(relocation.relocate("spring-co", id, "round/trip2", AUDIT)).isEqualTo(1);

        String model = "e".repeat(32);
        commands.sendAndWait(new CreateModelCommand(model, "spring-co", new ModelFields("weights", "file:///w.pt",
                "PyTorch", Map.of("design", "net"), Map.of("cat", 1), "", List.of("a"), List.of(), "t1", id, null,
                false, Instant.parse("2025-01-01T00:00:00Z"), null, Map.of("k", Map.of("key", "k", "type", "int",
                "value", "1"))), AUDIT));
        Object task = commands.sendAndWait(new EditModelCommand(model, "spring-co", new ModelFields("weights2", null,
                null, null, null, null, null, null, null, null, null, null, null, null, null), 3, AUDIT));
        assertThat(task).isEqualTo("t1");
        assertThat((Object) commands.sendAndWait(new DeleteModelCommand(model, "spring-co", AUDIT)))
                .isEqualTo("file:///w.pt");
    }
}
