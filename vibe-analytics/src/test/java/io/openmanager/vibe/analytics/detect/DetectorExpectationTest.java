package io.openmanager.vibe.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The promises of {@link AnomalyDetector#expected()}, {@link AnomalyDetector#lowerBound()} and upperBound(). */
class DetectorExpectationTest {
    private static final int SPIKE = 1500;

    /** Noise around 50 with standard deviation 2, and 80 at {@link #SPIKE}. */
    private static double[] noiseWithSpike() {
        double[] x = new Synthetic(3).noise(2000, 50, 2);
        x[SPIKE] = 80;
        return x;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ewma", "robust-window", "cusum", "page-hinkley", "seasonal", "default"})
    void theExpectationIsTheLevelAndTheRangeIsThreeScalesAroundIt(String name) {
        AnomalyDetector d = AnomalyDetectors.create(name);
        assertThat(d.expected()).isNaN();
        assertThat(d.lowerBound()).isNaN();
        assertThat(d.upperBound()).isNaN();
        double[] x = noiseWithSpike();
        for (int i = 0; i <= SPIKE; i++) {
            d.update(i * 1000L, x[i]);
        }
        assertThat(d.expected()).as("expected").isBetween(48.0, 52.0);
        double halfWidth = (d.upperBound() - d.lowerBound()) / 2;
        assertThat(d.expected() - d.lowerBound()).isCloseTo(halfWidth, org.assertj.core.data.Offset.offset(1e-9));
        // 3 scales of a noise whose standard deviation is 2: about 6 (estimators differ a little).
        assertThat(halfWidth).as("half-width").isBetween(4.0, 9.0);
        assertThat(x[SPIKE]).isGreaterThan(d.upperBound());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ewma", "robust-window", "cusum", "page-hinkley", "seasonal", "default"})
    void theExpectationIsNaNWhileWarmingUp(String name) {
        AnomalyDetector d = AnomalyDetectors.create(name);
        d.update(0, 50);
        assertThat(d.isWarm()).isFalse();
        assertThat(d.expected()).isNaN();
        assertThat(d.upperBound()).isNaN();
    }

    @Test
    void theSeasonalExpectationFollowsTheCycle() {
        SeasonalDetector d = new SeasonalDetector();
        double[] x = new Synthetic(5).seasonal(1200, 96, 50, 10, 0.5);
        for (int i = 0; i < x.length; i++) {
            d.update(i * 1000L, x[i]);
            if (i >= 700) {
                double cycle = 50 + 10 * Math.sin(2 * Math.PI * i / 96);
                assertThat(d.expected()).as("row %d", i).isBetween(cycle - 1.5, cycle + 1.5);
                assertThat(d.upperBound() - d.lowerBound()).as("row %d", i).isBetween(1.0, 6.0);
            }
        }
    }

    @Test
    void aThresholdReportsTheBoundTheValueWasHeldAgainst() {
        ThresholdDetector d = new ThresholdDetector(90, 80);
        assertThat(d.upperBound()).isNaN();
        assertThat(d.lowerBound()).isNaN();
        d.update(0, 50);
        assertThat(d.expected()).isNaN();
        assertThat(d.lowerBound()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(d.upperBound()).isEqualTo(90);
        assertThat(d.update(1, 95)).isEqualTo(1.0);
        assertThat(d.upperBound()).isEqualTo(90);
        assertThat(d.update(2, 85)).isEqualTo(1.0);
        assertThat(d.upperBound()).as("raised: the value must fall to clearAt").isEqualTo(80);
    }

    @ParameterizedTest
    @ValueSource(strings = {"threshold", "ewma", "robust-window", "cusum", "page-hinkley", "seasonal", "default"})
    void readingTheExpectationChangesNothingAndARestoredDetectorReportsTheSameOrNaNUntilItsNextValue(String name) {
        AnomalyDetector read = AnomalyDetectors.create(name);
        AnomalyDetector unread = AnomalyDetectors.create(name);
        double[] x = noiseWithSpike();
        for (int i = 0; i < x.length; i++) {
            double score = read.update(i * 1000L, x[i]);
            read.expected();
            read.lowerBound();
            read.upperBound();
            assertThat(score).as("row %d", i).isEqualTo(unread.update(i * 1000L, x[i]));
        }
        AnomalyDetector restored = read.snapshot().restore();
        // A snapshot need not hold the last expectation (the default detector's level reference is in it, the
        // seasonal scale is not), but a restored detector never reports a different one.
        if (!Double.isNaN(restored.expected())) {
            assertThat(restored.expected()).isEqualTo(read.expected());
            assertThat(restored.upperBound()).isEqualTo(read.upperBound());
        } else {
            assertThat(restored.upperBound()).isNaN();
        }
        restored.update(x.length * 1000L, 50);
        read.update(x.length * 1000L, 50);
        assertThat(restored.upperBound()).isEqualTo(read.upperBound());
        assertThat(restored.lowerBound()).isEqualTo(read.lowerBound());
    }
}
