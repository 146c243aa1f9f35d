package io.xstore.query.events;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BucketPointsTest {

    @Test
    void minMaxAndLastComeInXOrderAtTheirOwnX() {
        List<ScalarPoint> points = BucketPoints.of(new ScalarPoint(345, 0.0), new ScalarPoint(310, 9.5),
                new ScalarPoint(399, 4.0));

        assertThat(points).containsExactly(new ScalarPoint(310, 9.5), new ScalarPoint(345, 0.0),
                new ScalarPoint(399, 4.0));
    }

    @Test
    void aPointThatIsBothMinAndLastAppearsOnce() {
        List<ScalarPoint> points = BucketPoints.of(new ScalarPoint(399, 1.0), new ScalarPoint(300, 5.0),
                new ScalarPoint(399, 1.0));

        assertThat(points).containsExactly(new ScalarPoint(300, 5.0), new ScalarPoint(399, 1.0));
    }

    @Test
    void aBucketOfOnePointYieldsThatPoint() {
        ScalarPoint only = new ScalarPoint(7, 3.0);

        assertThat(BucketPoints.of(only, only, only)).containsExactly(only);
    }

    @Test
    void missingPointsAreSkipped() {
        assertThat(BucketPoints.of(null, new ScalarPoint(1, 1.0), null)).containsExactly(new ScalarPoint(1, 1.0));
    }
}
