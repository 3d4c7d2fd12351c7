package io.openmanager.vibe.analytics.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.analytics.forecast.Accuracy;
import io.openmanager.vibe.analytics.forecast.Backtest;
import io.openmanager.vibe.analytics.forecast.Forecast;
import io.openmanager.vibe.analytics.forecast.Forecaster;
import io.openmanager.vibe.analytics.forecast.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;

/**
 * Issue 17, finding 11 (library side): "no input makes fit throw" holds for a seasonal period near
 * {@code Integer.MAX_VALUE}, which overflowed {@code 2 * period} into an autocorrelation array of 2^31 values.
 */
class ForecastHostileTest {

    private static double[] series(int n) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 10 + 3 * Math.sin(2 * Math.PI * t / 24) + (t % 7) * 0.1;
        }
        return y;
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void aPeriodOfTwoBillionFitsWithoutRunningOutOfMemory(Method method) {
        for (int period : new int[] {2_000_000_000, Integer.MAX_VALUE, 1 << 30}) {
            Forecast f = Forecaster.of(method, period).fit(series(200), Duration.ofHours(1)).forecast(24);
            assertThat(f.mean()).as("%s period %d", method, period).hasSize(24);
            assertThat(java.util.Arrays.stream(f.mean()).allMatch(Double::isFinite)).as("%s period %d", method, period)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void aBacktestWithAHugePeriodCompletes(Method method) {
        Accuracy a = Backtest.of(12, 2).withPeriod(Integer.MAX_VALUE)
                .evaluate(Forecaster.of(method, Integer.MAX_VALUE), List.of(series(300)));
        assertThat(a.forecasts()).isEqualTo(2);
        assertThat(a.smape()).isFinite();
    }

    @Test
    void autoWithAHoldoutOfHalfABillionFitsAShortSeries() {
        for (int holdout : new int[] {500_000_000, Integer.MAX_VALUE}) {
            Forecast f = Forecaster.auto(0, holdout).fit(series(300), Duration.ofHours(1)).forecast(48);
            assertThat(f.mean()).as("holdout %d", holdout).hasSize(48);
            assertThat(java.util.Arrays.stream(f.upper95()).allMatch(Double::isFinite)).as("holdout %d", holdout)
                    .isTrue();
        }
    }
}
