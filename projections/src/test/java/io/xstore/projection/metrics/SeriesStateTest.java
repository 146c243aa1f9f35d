package io.xstore.projection.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesStateTest {

    @Test
    void theMeanRoundsHalfToEvenOnTheExactValueLikePython() {
        assertThat(state(2.675, 1).mean()).isEqualTo(2.67);
        assertThat(state(0.125, 1).mean()).isEqualTo(0.12);
        assertThat(state(0.375, 1).mean()).isEqualTo(0.38);
        assertThat(state(2, 3).mean()).isEqualTo(0.67);
    }

    @Test
    void survivesTheStoreSerde() {
        SeriesState state = new SeriesState("loss", "train ✓", 1, 0.5, 3, 9, 1, 9, 1, 4, 12.5, null);

        assertThat(SeriesStateSerde.read(SeriesStateSerde.write(state))).isEqualTo(state);
    }

    private static SeriesState state(double sum, long count) {
        return new SeriesState("m", "v", 0, 0, 0, 0, 0, 0, 0, count, sum, "iter");
    }
}
