package io.openmanager.vibe.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeToThresholdTest {

    /** Estimated absolute crossing time (in steps from the series start) after the first {@code n} values. */
    private static double[] estimate(Forecaster forecaster, double[] y, int n, double level) {
        FittedModel m = forecaster.fit(Synthetic.slice(y, 0, n), Duration.ofMinutes(1));
        Crossing c = TimeToThreshold.upward(m.forecast(20_000), level);
        return new double[] {n + c.expectedSteps(), n + c.earliestSteps(), n + c.latestSteps()};
    }

    @Test
    void aLinearLeakEstimateConvergesToTheTrueCrossing() {
        // Memory leak: 40 % + 0.02 %/min with noise; crosses 95 % at t = 2750 min.
        double[] y = Synthetic.cycle(21, 2700, 40, 0.02, 0, 60, 1.5);
        double truth = (95 - 40) / 0.02;
        double previousError = Double.POSITIVE_INFINITY;
        double previousWidth = Double.POSITIVE_INFINITY;
        for (int n = 300; n <= 2700; n += 600) {
            double[] e = estimate(Forecaster.linearTrend(0), y, n, 95);
            double error = Math.abs(e[0] - truth);
            assertThat(e[1]).as("earliest at n=%d", n).isLessThanOrEqualTo(truth);
            assertThat(e[2]).as("latest at n=%d", n).isGreaterThanOrEqualTo(truth);
            assertThat(error).as("error at n=%d", n).isLessThan(previousError * 1.2 + 5);
            assertThat(e[2] - e[1]).as("interval width at n=%d", n).isLessThan(previousWidth);
            previousError = error;
            previousWidth = e[2] - e[1];
        }
        assertThat(previousError).isLessThan(0.02 * truth);
    }

    @Test
    void diskGrowthWithADailyCycleIsEstimatedByHoltWinters() {
        // Disk: 50 % + 0.01 %/step with a daily cycle (+-3 %) and noise, hourly: the trend reaches 90 % at t = 4000.
        double[] y = Synthetic.cycle(5, 3800, 50, 0.01, 3, 24, 0.3);
        double[] early = estimate(Forecaster.of(Method.HOLT_WINTERS_ADDITIVE, 24), y, 24 * 20, 90);
        double[] late = estimate(Forecaster.of(Method.HOLT_WINTERS_ADDITIVE, 24), y, 3800, 90);
        // The cycle's peaks cross a little before the trend does.
        double truth = firstCrossing(4000, 90);
        assertThat(Math.abs(late[0] - truth)).isLessThan(Math.abs(early[0] - truth) + 1);
        assertThat(late[0]).isCloseTo(truth, within(0.05 * truth));
    }

    private static double firstCrossing(int around, double level) {
        for (int t = 0; t < 2 * around; t++) {
            if (50 + 0.01 * t + 3 * Math.sin(2 * Math.PI * t / 24) >= level) {
                return t;
            }
        }
        return Double.NaN;
    }

    @Test
    void noCrossingWithinTheHorizonIsInfinite() {
        Forecast f = Forecaster.of(Method.NAIVE, 0).fit(new double[] {1, 1, 1}, null).forecast(10);
        Crossing c = TimeToThreshold.upward(f, 5);
        assertThat(c.expected()).isFalse();
        assertThat(c.expectedIn(Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void interpolatesBetweenSteps() {
        double[] y = {0, 1, 2, 3, 4};
        Forecast f = Forecaster.linearTrend(0).fit(y, null).forecast(10);  // 5, 6, 7, ...
        Crossing up = TimeToThreshold.upward(f, 7.5);
        assertThat(up.expectedSteps()).isCloseTo(3.5, within(1e-9));
        assertThat(up.expectedIn(Duration.ofMinutes(2))).contains(Duration.ofMinutes(7));
        Crossing down = TimeToThreshold.downward(Forecaster.linearTrend(0)
                .fit(new double[] {10, 9, 8}, null).forecast(10), 5.0);
        assertThat(down.expectedSteps()).isCloseTo(3, within(1e-9));
    }
}
