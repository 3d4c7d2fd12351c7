package io.openmanager.vibe.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The crossing-time distribution of {@link TimeToThreshold#upwardTime}. */
class CrossingTimeTest {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /** A forecast with the given means and a normal spread sd at every step. */
    private static Forecast forecast(double[] mean, double[] sd) {
        int h = mean.length;
        double[] l80 = new double[h];
        double[] u80 = new double[h];
        double[] l95 = new double[h];
        double[] u95 = new double[h];
        for (int k = 0; k < h; k++) {
            l80[k] = mean[k] - Fitted.Z80 * sd[k];
            u80[k] = mean[k] + Fitted.Z80 * sd[k];
            l95[k] = mean[k] - Fitted.Z95 * sd[k];
            u95[k] = mean[k] + Fitted.Z95 * sd[k];
        }
        return new Forecast("test", 1, mean, l80, u80, l95, u95);
    }

    private static double[] constant(int h, double v) {
        double[] a = new double[h];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void aFlatForecastCrossesWithTheProbabilityOfItsError() {
        // The level is 1.5 standard deviations above a flat forecast: one persistent error reaches it with 6.7 %.
        CrossingTime c = TimeToThreshold.upwardTime(forecast(constant(20, 10), constant(20, 2)), 13);
        assertThat(c.probability()).isCloseTo(1 - NORMAL.cumulativeProbability(1.5), within(1e-9));
        assertThat(c.medianSteps()).isBetween(0.0, 1.0);
    }

    @Test
    void aSureLineCrossesWhereItReachesTheLevel() {
        double[] mean = new double[100];
        for (int k = 0; k < 100; k++) {
            mean[k] = k + 1;
        }
        CrossingTime c = TimeToThreshold.upwardTime(forecast(mean, new double[100]), 40.5);
        assertThat(c.probability()).isEqualTo(1);
        // The line reaches 40.5 between 40 and 41 steps ahead; within a step, time is spread evenly.
        assertThat(c.earliestSteps()).isCloseTo(40.1, within(1e-9));
        assertThat(c.medianSteps()).isCloseTo(40.5, within(1e-9));
        assertThat(c.latestSteps()).isCloseTo(40.9, within(1e-9));
        assertThat(c.medianIn(Duration.ofMinutes(1))).isPresent();
    }

    @Test
    void aLineWithGrowingSpreadGivesARangeAroundItsCrossing() {
        double[] mean = new double[200];
        double[] sd = new double[200];
        for (int k = 0; k < 200; k++) {
            mean[k] = 50 + 0.5 * (k + 1);
            sd[k] = 1 + 0.05 * (k + 1);
        }
        CrossingTime c = TimeToThreshold.upwardTime(forecast(mean, sd), 100);
        // The point forecast reaches 100 at 100 steps.
        assertThat(c.probability()).isGreaterThan(0.5);
        assertThat(c.earliestSteps()).isLessThan(c.medianSteps());
        assertThat(c.medianSteps()).isLessThan(c.latestSteps());
        assertThat(c.medianSteps()).isBetween(80.0, 100.0);
        CrossingTime higher = TimeToThreshold.upwardTime(forecast(mean, sd), 120);
        assertThat(higher.probability()).isLessThan(c.probability());
        assertThat(TimeToThreshold.upwardTime(forecast(mean, sd), 100, 50).probability())
                .isLessThan(c.probability());
    }

    @Test
    void downwardIsTheMirror() {
        double[] mean = new double[50];
        double[] sd = constant(50, 1);
        for (int k = 0; k < 50; k++) {
            mean[k] = 50 - (k + 1);
        }
        CrossingTime down = TimeToThreshold.downwardTime(forecast(mean, sd), 20);
        assertThat(down.upward()).isFalse();
        assertThat(down.probability()).isGreaterThan(0.99);
        assertThat(down.medianSteps()).isBetween(28.0, 31.0);
    }

    @Test
    void noChanceMeansInfiniteTimes() {
        CrossingTime c = TimeToThreshold.upwardTime(forecast(constant(10, 1), new double[10]), 5);
        assertThat(c.probability()).isZero();
        assertThat(c.medianIn(Duration.ofMinutes(1))).isEmpty();
        assertThat(c.likely()).isFalse();
    }

    @Test
    void refusesBadInput() {
        Forecast f = forecast(constant(10, 1), constant(10, 1));
        assertThatThrownBy(() -> TimeToThreshold.upwardTime(f, 5, 11))
                .hasMessage("steps must be between 1 and the forecast's horizon 10, was 11");
        assertThatThrownBy(() -> new CrossingTime(1, true, 10, 1.5, 1, 1, 1))
                .hasMessage("probability must be in [0, 1]: 1.5");
        assertThatThrownBy(() -> new CrossingTime(1, true, 10, 0.5, 3, 4, 5))
                .hasMessage("crossing times must be ordered: 4.0, 3.0, 5.0");
    }
}
