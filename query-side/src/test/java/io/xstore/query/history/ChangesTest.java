package io.xstore.query.history;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Changes between wire-shaped documents and their plain-words descriptions (docs/api/history.md). */
class ChangesTest {

    private static final Map<String, Object> LR = Map.of("section", "Args", "name", "lr", "value", "0.1");

    @Test
    void nestedValuesArePathsAndNoiseIsLeftOut() {
        Map<String, Object> before = Map.of("status", "created", "last_update", "t1",
                "hyperparams", Map.of("Args", Map.of("lr", LR)));
        Map<String, Object> after = Map.of("status", "in_progress", "last_update", "t2",
                "hyperparams", Map.of("Args", Map.of("lr", Map.of("section", "Args", "name", "lr", "value", "0.01"))));

        assertThat(Changes.between(before, after, true)).containsExactlyInAnyOrder(
                new Change("status", "created", "in_progress"),
                new Change("hyperparams.Args.lr.value", "0.1", "0.01"));
        assertThat(Changes.between(before, after, false)).contains(new Change("last_update", "t1", "t2"));
    }

    @Test
    void namedItemsOfListsAreComparedOneByOneAndAbsentContainersAsEmpty() {
        Map<String, Object> artifact = Map.of("key", "model.pkl", "mode", "output", "uri", "file:///a");
        Map<String, Object> input = Map.of("key", "data.csv", "mode", "input", "uri", "file:///d");
        Map<String, Object> before = Map.of("execution", Map.of("artifacts", List.of(input)), "hyperparams", Map.of());
        Map<String, Object> after = Map.of("execution", Map.of("artifacts", List.of(input, artifact)),
                "hyperparams", Map.of("Args", Map.of("lr", LR)), "tags", List.of("best"));

        assertThat(Changes.between(before, after, true)).containsExactlyInAnyOrder(
                new Change("execution.artifacts[model.pkl]", null, artifact),
                new Change("hyperparams.Args.lr", null, LR),
                new Change("tags", null, List.of("best")));
    }

    @Test
    void descriptionsAreOneLineInPlainWords() {
        assertThat(Descriptions.of("task", "completed", List.of(new Change("status", "in_progress", "completed"),
                new Change("completed", null, "2026-12-06T20:00:00+00:00")), id -> id))
                .isEqualTo("status in_progress → completed");
        assertThat(Descriptions.of("task", "tags_changed", List.of(new Change("tags", List.of("a"),
                List.of("a", "best"))), id -> id)).isEqualTo("tag `best` added");
        assertThat(Descriptions.of("task", "moved", List.of(new Change("project", "p1", "p2")),
                id -> "`" + id.toUpperCase() + "`")).isEqualTo("moved from project `P1` to `P2`");
        assertThat(Descriptions.of("task", "hyperparams_changed",
                List.of(new Change("hyperparams.Args.lr.value", "0.1", "0.01")), id -> id))
                .isEqualTo("hyperparameter Args/lr 0.1 → 0.01");
        assertThat(Descriptions.of("task", "edited", List.of(new Change("a", 1, 2), new Change("b", 1, 2),
                new Change("c", 1, 2), new Change("d", 1, 2), new Change("e", 1, 2)), id -> id))
                .isEqualTo("a 1 → 2; b 1 → 2; c 1 → 2 and 2 more changes");
        assertThat(Descriptions.progress("metrics_reported", 412, List.of(new Change("last_iteration", 0, 4100))))
                .isEqualTo("metrics reported 412 times, iteration 0 → 4100");
    }

    @Test
    void aRunOfStepsComposesIntoFirstBeforeAndLastAfter() {
        List<Change> composed = Changes.compose(List.of(
                List.of(new Change("last_iteration", 0, 100), new Change("x", "a", "b")),
                List.of(new Change("last_iteration", 100, 200), new Change("x", "b", "a"))));

        assertThat(composed).containsExactly(new Change("last_iteration", 0, 200));
    }
}
