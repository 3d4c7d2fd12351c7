package io.openmanager.vibe.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ForecasterTest {
    private static final Duration HOUR = Duration.ofHours(1);

    private static double maxAbsError(double[] truth, Forecast f) {
        double max = 0;
        for (int k = 0; k < truth.length; k++) {
            max = Math.max(max, Math.abs(truth[k] - f.mean(k)));
        }
        return max;
    }

    @Test
    void naiveRepeatsTheLastValue() {
        Forecast f = Forecaster.of(Method.NAIVE, 0).fit(new double[] {1, 2, 3, 7}, HOUR).forecast(3);
        assertThat(f.mean()).containsExactly(7, 7, 7);
        assertThat(f.upper95()[2] - f.mean(2)).isGreaterThan(f.upper95()[0] - f.mean(0));
    }

    @Test
    void seasonalNaiveRepeatsTheLastSeason() {
        double[] y = {1, 2, 3, 4, 5, 6, 10, 20, 30};
        Forecast f = Forecaster.of(Method.SEASONAL_NAIVE, 3).fit(y, null).forecast(5);
        assertThat(f.mean()).containsExactly(10, 20, 30, 10, 20);
        assertThat(f.period()).isEqualTo(3);
    }

    @Test
    void linearTrendExtrapolatesALineExactly() {
        double[] y = new double[50];
        for (int t = 0; t < y.length; t++) {
            y[t] = 3 + 0.5 * t;
        }
        Forecast f = Forecaster.linearTrend(0).fit(y, HOUR).forecast(10);
        assertThat(f.mean(9)).isCloseTo(3 + 0.5 * 59, within(1e-9));
        assertThat(f.upper95()[9]).isCloseTo(f.mean(9), within(1e-9));
    }

    @Test
    void linearTrendOverAWindowIgnoresOlderHistory() {
        double[] y = new double[100];
        for (int t = 0; t < y.length; t++) {
            y[t] = t < 50 ? 1000 : 2 * t;
        }
        Forecast f = Forecaster.linearTrend(20).fit(y, HOUR).forecast(1);
        assertThat(f.mean(0)).isCloseTo(200, within(1e-9));
    }

    @Test
    void holtFollowsANoisyTrend() {
        double[] y = Synthetic.cycle(1, 200, 10, 0.5, 0, 24, 0.2);
        Forecast f = Forecaster.of(Method.HOLT, 0).fit(y, HOUR).forecast(12);
        double[] truth = new double[12];
        for (int k = 0; k < 12; k++) {
            truth[k] = 10 + 0.5 * (200 + k);
        }
        assertThat(maxAbsError(truth, f)).isLessThan(2.5);
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"HOLT_WINTERS_ADDITIVE", "HOLT_WINTERS_MULTIPLICATIVE", "THETA",
        "SEASONAL_NAIVE", "NAIVE2", "AUTO"})
    void seasonalMethodsForecastAKnownDailyCycle(Method method) {
        int n = 24 * 14;
        double[] y = Synthetic.cycle(7, n + 48, 100, 0.02, 20, 24, 1.0);
        double[] truth = new double[48];
        for (int k = 0; k < 48; k++) {
            int t = n + k;
            truth[k] = 100 + 0.02 * t + 20 * Math.sin(2 * Math.PI * t / 24);
        }
        FittedModel model = Forecaster.of(method, 0).fit(Synthetic.slice(y, 0, n), HOUR);
        Forecast f = model.forecast(48);
        assertThat(model.period()).as(model.description()).isEqualTo(24);
        assertThat(maxAbsError(truth, f)).as(model.description()).isLessThan(method == Method.SEASONAL_NAIVE ? 6 : 4.5);
        double covered = 0;
        for (int k = 0; k < 48; k++) {
            covered += y[n + k] >= f.lower95()[k] && y[n + k] <= f.upper95()[k] ? 1 : 0;
        }
        assertThat(covered / 48).as("95 %% coverage of " + model.description()).isGreaterThan(0.8);
    }

    @Test
    void holtWintersRecoversASmoothingWeightNearZeroForAFixedPattern() {
        // A noiseless pattern: any error would come from a wrong level or season, so the forecast is exact.
        double[] y = Synthetic.cycle(3, 24 * 6, 50, 0, 10, 24, 0);
        Forecast f = Forecaster.of(Method.HOLT_WINTERS_ADDITIVE, 24).fit(y, HOUR).forecast(24);
        for (int k = 0; k < 24; k++) {
            assertThat(f.mean(k)).isCloseTo(50 + 10 * Math.sin(2 * Math.PI * (24 * 6 + k) / 24), within(0.5));
        }
    }

    @Test
    void multiplicativeFallsBackToAdditiveOnNonPositiveData() {
        double[] y = Synthetic.cycle(5, 24 * 5, 0, 0, 10, 24, 1);
        FittedModel m = Forecaster.of(Method.HOLT_WINTERS_MULTIPLICATIVE, 24).fit(y, HOUR);
        assertThat(m.description()).contains("hw-add");
    }

    @Test
    void shortHistoryFallsBackAndSaysSo() {
        FittedModel m = Forecaster.of(Method.HOLT_WINTERS_ADDITIVE, 24).fit(new double[] {1, 2, 3, 4, 5}, HOUR);
        assertThat(m.description()).isEqualTo("hw-add -> holt");
        assertThat(Forecaster.of(Method.HOLT, 0).fit(new double[] {1, 2}, HOUR).description()).contains("naive");
    }

    @Test
    void autoDetectsADailyPeriodOnHourlyData() {
        double[] y = Synthetic.serverLike(11, 24 * 21, 24);
        assertThat(Forecaster.detectPeriod(y, HOUR)).isEqualTo(24);
        assertThat(Forecaster.auto().fit(y, HOUR).period()).isEqualTo(24);
    }

    @Test
    void detectsAPeriodWithoutAStep() {
        double[] y = Synthetic.cycle(2, 300, 10, 0, 5, 12, 0.5);
        assertThat(Forecaster.detectPeriod(y, null)).isEqualTo(12);
    }

    @Test
    void whiteNoiseHasNoPeriod() {
        double[] y = Synthetic.cycle(2, 24 * 10, 10, 0, 0, 24, 1);
        assertThat(Forecaster.detectPeriod(y, HOUR)).isEqualTo(1);
    }

    @Test
    void gapsAreInterpolatedAndTrailingGapsCarryTheLastValue() {
        double[] y = {Double.NaN, 1, Double.NaN, 3, Double.POSITIVE_INFINITY, Double.NaN};
        FittedModel m = Forecaster.of(Method.NAIVE, 0).fit(y, HOUR);
        assertThat(m.observations()).isEqualTo(5);
        assertThat(m.forecast(1).mean(0)).isEqualTo(3);
    }

    @Test
    void noFiniteValueGivesNaN() {
        Forecast f = Forecaster.auto().fit(new double[] {Double.NaN}, HOUR).forecast(2);
        assertThat(f.mean()).containsOnly(Double.NaN);
    }

    @Test
    void refusesABadHorizonOrPeriodOrMethodName() {
        assertThatThrownBy(() -> Forecaster.auto().fit(new double[] {1}, HOUR).forecast(0))
                .hasMessageContaining("horizon must be >= 1, was 0");
        assertThatThrownBy(() -> Forecaster.of(Method.THETA, -1)).hasMessageContaining("was -1");
        assertThatThrownBy(() -> Method.fromCliName("arima")).hasMessageContaining("'arima'")
                .hasMessageContaining("hw-mul");
        assertThat(Method.fromCliName("HW-ADD")).isEqualTo(Method.HOLT_WINTERS_ADDITIVE);
    }

    @Test
    void forecastArraysAreCopies() {
        Forecast f = Forecaster.of(Method.NAIVE, 0).fit(new double[] {1, 2}, HOUR).forecast(2);
        f.mean()[0] = 99;
        assertThat(f.mean(0)).isEqualTo(2);
    }
}
