package io.xstore.query.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesExtentTest {

    private static SeriesExtent extent(long count, long min, long max) {
        return new SeriesExtent(new SeriesKey("t", "m", "v"), count, min, max);
    }

    @Test
    void seriesNoLongerThanSamplesIsReturnedWhole() {
        assertThat(extent(2000, 0, 1_000_000).interval(2000)).isZero();
    }

    @Test
    void longerSeriesAreBucketedByTheRangeOverSamplesRoundedUp() {
        assertThat(extent(1_000_000, 0, 999_999).interval(2000)).isEqualTo(500);
        assertThat(extent(2001, 0, 2000).interval(2000)).isEqualTo(2);
        assertThat(extent(5000, 10, 4000).interval(2000)).isEqualTo(2);
    }

    @Test
    void intervalIsAtLeastOne() {
        assertThat(extent(3000, 5, 5).interval(2000)).isEqualTo(1);
    }
}
