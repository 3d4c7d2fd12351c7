package io.openmanager.vibe.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Outliers, level shifts and the seasonal median: what the decomposition models are protected from. */
class RobustnessTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aSpikeIsReplacedByTheSameHourOfTheNeighbouringDays() {
        double[] y = Synthetic.cycle(4, 24 * 14, 50, 0, 10, 24, 0.5);
        double before = y[24 * 7 + 5];
        y[24 * 7 + 5] += 80;
        double[] cleaned = Outliers.clean(y, new int[] {24});
        assertThat(cleaned[24 * 7 + 5]).isCloseTo(before, within(2.0));
        assertThat(cleaned[24 * 7 + 6]).isEqualTo(y[24 * 7 + 6]);
        assertThat(y[24 * 7 + 5]).as("input untouched").isGreaterThan(before + 70);
    }

    @Test
    void aWeekendUnlikeTheWeekdaysIsNoOutlierWhenTheWeekIsAPeriod() {
        double[] y = new double[24 * 7 * 4];
        for (int t = 0; t < y.length; t++) {
            y[t] = ((t / 24) % 7 >= 5 ? 20 : 60) + 5 * Math.sin(2 * Math.PI * t / 24);
        }
        assertThat(Outliers.clean(y, new int[] {24, 168})).containsExactly(y);
        double[] dailyOnly = Outliers.clean(y, new int[] {24});
        assertThat(dailyOnly[24 * 5 + 3]).as("a daily filter alone takes Saturday for an outlier").isGreaterThan(40);
    }

    @Test
    void aFinalRunOnOneSideIsAMoveNotAnOutlier() {
        double[] y = Synthetic.cycle(5, 24 * 10, 50, 0, 5, 24, 0.5);
        for (int t = y.length - LevelShift.MIN_RUN; t < y.length; t++) {
            y[t] += 40;
        }
        double[] cleaned = Outliers.clean(y, new int[] {24});
        assertThat(cleaned[y.length - 1]).isEqualTo(y[y.length - 1]);
        double[] shorter = Synthetic.cycle(5, 24 * 10, 50, 0, 5, 24, 0.5);
        shorter[shorter.length - 1] += 40;
        shorter[shorter.length - 2] += 40;
        assertThat(Outliers.clean(shorter, new int[] {24})[shorter.length - 1]).isLessThan(70);
    }

    @Test
    void aSteadyFinalLevelShiftMovesTheHistory() {
        double[] y = Synthetic.cycle(6, 24 * 10, 50, 0, 5, 24, 0.5);
        int run = 20;
        for (int t = y.length - run; t < y.length; t++) {
            y[t] -= 30;
        }
        double[] moved = LevelShift.relevel(y, 24);
        assertThat(moved[0]).isCloseTo(y[0] - 30, within(1.5));
        assertThat(moved[y.length - run - 1]).isCloseTo(y[y.length - run - 1] - 30, within(1.5));
        assertThat(moved[y.length - 1]).isEqualTo(y[y.length - 1]);
        // The forecast follows the new level.
        Forecast f = Forecaster.auto().fit(y, HOUR).forecast(24);
        assertThat(f.mean(23)).isCloseTo(20 + 5 * Math.sin(2 * Math.PI * (y.length + 23) / 24), within(3.0));
    }

    @Test
    void burstsThatAreNotSteadyAreNoLevelShift() {
        double[] y = Synthetic.cycle(6, 24 * 10, 50, 0, 5, 24, 0.5);
        int run = 20;
        for (int i = 0; i < run; i++) {
            y[y.length - run + i] += i % 2 == 0 ? 10 : 60;
        }
        assertThat(LevelShift.relevel(y, 24)).isSameAs(y);
        double[] shortRun = Synthetic.cycle(6, 24 * 10, 50, 0, 5, 24, 0.5);
        for (int t = shortRun.length - LevelShift.MIN_RUN + 1; t < shortRun.length; t++) {
            shortRun[t] += 30;
        }
        assertThat(LevelShift.relevel(shortRun, 24)).isSameAs(shortRun);
    }

    @Test
    void oneOddDayDoesNotRepeatInTheSeasonalMedian() {
        double[] y = Synthetic.cycle(7, 24 * 10, 50, 0, 10, 24, 0.2);
        for (int t = y.length - 24; t < y.length; t++) {
            y[t] += 25;
        }
        Forecast median = Forecaster.of(Method.SEASONAL_MEDIAN, 24).fit(y, HOUR).forecast(24);
        Forecast naive = Forecaster.of(Method.SEASONAL_NAIVE, 24).fit(y, HOUR).forecast(24);
        for (int k = 0; k < 24; k++) {
            double truth = 50 + 10 * Math.sin(2 * Math.PI * (y.length + k) / 24);
            assertThat(median.mean(k)).isCloseTo(truth, within(1.0));
            assertThat(naive.mean(k)).isCloseTo(truth + 25, within(1.0));
        }
    }

    @Test
    void calibrationTakesConservativeRanksOfTheAbsoluteErrors() {
        double[] z = new double[100];
        for (int i = 0; i < z.length; i++) {
            z[i] = (i + 1) / 100.0;
        }
        double[] q = Calibration.quantiles(z, 100);
        // ceil(101 * 0.8) = 81st smallest, ceil(101 * 0.95) = 96th smallest.
        assertThat(q).containsExactly(-0.96, -0.81, 0.81, 0.96);
        assertThat(Calibration.quantiles(new double[39], 39)).isNull();
    }
}
