package io.xstore.command.model;

import io.xstore.api.AuditEntry;
import io.xstore.api.model.AddOrUpdateModelMetadataCommand;
import io.xstore.api.model.ArchiveModelCommand;
import io.xstore.api.model.CreateModelCommand;
import io.xstore.api.model.DeleteModelCommand;
import io.xstore.api.model.DeleteModelMetadataCommand;
import io.xstore.api.model.EditModelCommand;
import io.xstore.api.model.ModelArchivedEvent;
import io.xstore.api.model.ModelCreatedEvent;
import io.xstore.api.model.ModelDeletedEvent;
import io.xstore.api.model.ModelCommentChangedEvent;
import io.xstore.api.model.ModelEditedEvent;
import io.xstore.api.model.ModelRenamedEvent;
import io.xstore.api.model.ModelTagsUpdatedEvent;
import io.xstore.api.model.ModelFields;
import io.xstore.api.model.ModelMetadataChangedEvent;
import io.xstore.api.model.ModelMovedEvent;
import io.xstore.api.model.ModelPublishedEvent;
import io.xstore.api.model.ModelUnarchivedEvent;
import io.xstore.api.model.MoveModelCommand;
import io.xstore.api.model.PublishModelCommand;
import io.xstore.api.model.UnarchiveModelCommand;
import io.xstore.api.model.UpdateModelCommand;
import io.xstore.api.model.UpdateModelTagsCommand;
import io.xstore.command.project.TestProjectNames;
import io.xstore.protocol.ApiException;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.startsWith;

class ModelAggregateTest {

    private static final String COMPANY = "company-1";
    private static final AuditEntry AUDIT = new AuditEntry("user-1", "User", COMPANY,
            Instant.parse("2025-01-13T16:32:13Z"), "call-1");
    private static final String ID = "m".repeat(32);
    private static final String PROJECT = "p".repeat(32);
    private static final String TASK = "t".repeat(32);

    private FixtureConfiguration<ModelAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ModelAggregate.class);
        fixture.registerInjectableResource(new TestProjectNames().with(PROJECT, COMPANY, "examples"));
    }

    private static ModelFields fields(String name, String uri) {
        return new ModelFields(name, uri, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    private static ModelFields stored(String name, String uri, String task, boolean ready,
                                      Map<String, Object> metadata) {
        return new ModelFields(name, uri, null, Map.of(), Map.of(), "", List.of(), List.of(), task, PROJECT, null,
                ready, null, null, metadata);
    }

    private static ModelCreatedEvent created() {
        return new ModelCreatedEvent(ID, COMPANY, stored("Anonymous model", "file:///tmp/uploading_file", TASK,
                false, Map.of()), AUDIT);
    }

    private static Map<String, Object> item(String key, String type, String value) {
        return Map.of("key", key, "type", type, "value", value);
    }

    @Test
    void createdModelGetsDefaultsForOmittedFields() {
        ModelFields given = new ModelFields(" Anonymous model ", "file:///tmp/uploading_file", null, null, null, null,
                null, null, TASK, PROJECT, null, null, null, null, null);
        fixture.givenNoPriorActivity()
                .when(new CreateModelCommand(ID, COMPANY, given, AUDIT))
                .expectEvents(created());
    }

    @Test
    void nameShorterThanThreeCharactersIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateModelCommand(ID, COMPANY, fields("ab", "file:///x"), AUDIT))
                .expectNoEvents()
                .expectExceptionMessage(startsWith("Data validation error"));
    }

    @Test
    void modelInAnUnknownProjectIsRejected() {
        ModelFields given = new ModelFields("weights", "file:///x", null, null, null, null, null, null, null,
                "unknown", null, null, null, null, null);
        fixture.givenNoPriorActivity()
                .when(new CreateModelCommand(ID, COMPANY, given, AUDIT))
                .expectNoEvents()
                .expectExceptionMessage(startsWith("Invalid project id"));
    }

    @Test
    void editChangesTheGivenFieldsAndReturnsTheTask() {
        ModelFields edit = new ModelFields("demo", null, "PyTorch", Map.of("design", "layers"), Map.of("cat", 1),
                "Created by task id: t", List.of("b", "a"), null, null, null, null, null, null, null, null);
        fixture.given(created())
                .when(new EditModelCommand(ID, COMPANY, edit, 5, AUDIT))
                .expectEvents(new ModelRenamedEvent(ID, "demo", AUDIT),
                        new ModelCommentChangedEvent(ID, "Created by task id: t", AUDIT),
                        new ModelTagsUpdatedEvent(ID, List.of("a", "b"), AUDIT),
                        new ModelEditedEvent(ID, new ModelFields(null, null, "PyTorch", Map.of("design", "layers"),
                                Map.of("cat", 1), null, null, null, null, null, null, null, null, null, null), AUDIT))
                .expectResultMessagePayload(TASK);
    }

    @Test
    void changingTheUriClearsTheUiCache() {
        fixture.given(created())
                .when(new EditModelCommand(ID, COMPANY, fields(null, "https://files/model.pt"), null, AUDIT))
                .expectEvents(new ModelEditedEvent(ID, fields(null, "https://files/model.pt").withUiCache(Map.of()),
                        AUDIT));
    }

    @Test
    void editOfAReadyModelIsAllowed() {
        fixture.given(created(), new ModelPublishedEvent(ID, AUDIT))
                .when(new EditModelCommand(ID, COMPANY, fields("renamed", null), null, AUDIT))
                .expectEvents(new ModelRenamedEvent(ID, "renamed", AUDIT));
    }

    @Test
    void updateKeepsOnlyUserSettableFields() {
        ModelFields given = new ModelFields("renamed", null, "Keras", Map.of("design", "x"), null, "note", null,
                null, "other-task", null, "parent", true, null, null, null);
        fixture.given(created())
                .when(new UpdateModelCommand(ID, COMPANY, given, AUDIT))
                .expectEvents(new ModelRenamedEvent(ID, "renamed", AUDIT),
                        new ModelCommentChangedEvent(ID, "note", AUDIT));
    }

    @Test
    void anotherCompanySeesAnInvalidModelId() {
        fixture.given(created())
                .when(new EditModelCommand(ID, "company-2", fields("renamed", null), null, AUDIT))
                .expectNoEvents()
                .expectExceptionMessage(startsWith("Invalid model id"));
    }

    @Test
    void setReadyPublishesAndReturnsTheTask() {
        fixture.given(created())
                .when(new PublishModelCommand(ID, COMPANY, AUDIT))
                .expectEvents(new ModelPublishedEvent(ID, AUDIT))
                .expectResultMessagePayload(TASK);
    }

    @Test
    void setReadyOnAReadyModelIsModelIsReady() {
        fixture.given(created(), new ModelPublishedEvent(ID, AUDIT))
                .when(new PublishModelCommand(ID, COMPANY, AUDIT))
                .expectNoEvents()
                .expectException(ApiException.class)
                .expectExceptionMessage(startsWith("Model is ready"));
    }

    @Test
    void modelCreatedReadyCannotBePublishedAgain() {
        fixture.given(new ModelCreatedEvent(ID, COMPANY, stored("weights", "file:///x", null, true, Map.of()), AUDIT))
                .when(new PublishModelCommand(ID, COMPANY, AUDIT))
                .expectException(ApiException.class);
    }

    @Test
    void archiveAddsTheSystemTagOnce() {
        fixture.given(created())
                .when(new ArchiveModelCommand(ID, COMPANY, AUDIT))
                .expectEvents(new ModelArchivedEvent(ID, AUDIT))
                .expectResultMessagePayload(true);
    }

    @Test
    void archivingAnArchivedModelChangesNothing() {
        fixture.given(created(), new ModelArchivedEvent(ID, AUDIT))
                .when(new ArchiveModelCommand(ID, COMPANY, AUDIT))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void unarchiveRemovesTheSystemTag() {
        fixture.given(created(), new ModelArchivedEvent(ID, AUDIT))
                .when(new UnarchiveModelCommand(ID, COMPANY, AUDIT))
                .expectEvents(new ModelUnarchivedEvent(ID, AUDIT))
                .expectResultMessagePayload(true);
    }

    @Test
    void deleteReturnsTheUriAndEndsTheModel() {
        fixture.given(created())
                .when(new DeleteModelCommand(ID, COMPANY, AUDIT))
                .expectEvents(new ModelDeletedEvent(ID, "file:///tmp/uploading_file", AUDIT))
                .expectResultMessagePayload("file:///tmp/uploading_file")
                .expectMarkedDeleted();
    }

    @Test
    void deletedModelIsNotFound() {
        fixture.given(created(), new ModelDeletedEvent(ID, "file:///tmp/uploading_file", AUDIT))
                .when(new PublishModelCommand(ID, COMPANY, AUDIT))
                .expectException(AggregateDeletedException.class);
    }

    @Test
    void moveToAnotherProjectOfTheCompany() {
        fixture.given(created())
                .when(new MoveModelCommand(ID, COMPANY, null, AUDIT))
                .expectEvents(new ModelMovedEvent(ID, null, AUDIT));
    }

    @Test
    void updateTagsAddsAndRemoves() {
        fixture.given(created(), new ModelTagsUpdatedEvent(ID, List.of("a", "b"), AUDIT))
                .when(new UpdateModelTagsCommand(ID, COMPANY, List.of("c", "a"), List.of("b"), AUDIT))
                .expectEvents(new ModelTagsUpdatedEvent(ID, List.of("a", "c"), AUDIT))
                .expectResultMessagePayload(true);
    }

    @Test
    void metadataItemsAreUpsertedByKey() {
        fixture.given(created(), new ModelMetadataChangedEvent(ID, Map.of("a", item("a", "int", "1"),
                        "b", item("b", "str", "x")), AUDIT))
                .when(new AddOrUpdateModelMetadataCommand(ID, COMPANY, Map.of("b", item("b", "str", "y"),
                        "c", item("c", "float", "0.5")), false, AUDIT))
                .expectEvents(new ModelMetadataChangedEvent(ID, Map.of("a", item("a", "int", "1"),
                        "b", item("b", "str", "y"), "c", item("c", "float", "0.5")), AUDIT));
    }

    @Test
    void replacingMetadataDropsTheOtherKeys() {
        fixture.given(created(), new ModelMetadataChangedEvent(ID, Map.of("a", item("a", "int", "1")), AUDIT))
                .when(new AddOrUpdateModelMetadataCommand(ID, COMPANY, Map.of("c", item("c", "float", "0.5")), true,
                        AUDIT))
                .expectEvents(new ModelMetadataChangedEvent(ID, Map.of("c", item("c", "float", "0.5")), AUDIT));
    }

    @Test
    void deletingMetadataKeysRemovesOnlyThose() {
        fixture.given(created(), new ModelMetadataChangedEvent(ID, Map.of("a", item("a", "int", "1"),
                        "b", item("b", "str", "x")), AUDIT))
                .when(new DeleteModelMetadataCommand(ID, COMPANY, List.of("a", "zzz"), AUDIT))
                .expectEvents(new ModelMetadataChangedEvent(ID, Map.of("b", item("b", "str", "x")), AUDIT))
                .expectResultMessagePayload(true);
    }

    @Test
    void deletingUnknownMetadataKeysChangesNothing() {
        fixture.given(created())
                .when(new DeleteModelMetadataCommand(ID, COMPANY, List.of("zzz"), AUDIT))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }
}
