package io.openmanager.vibe.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** STL and MSTL recover the components they are built for. */
class DecompositionTest {

    /** A daily cycle (amplitude 10), a weekly one (amplitude 6, as days of the week) and a trend, hourly. */
    private static double[] twoSeasons(int n, double noise) {
        Synthetic r = new Synthetic(9);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 100 + 0.02 * t + daily(t) + weekly(t) + noise * r.normal();
        }
        return y;
    }

    private static double daily(int t) {
        return 10 * Math.sin(2 * Math.PI * t / 24);
    }

    /** Busier weekdays, quieter weekends, smoothly. */
    private static double weekly(int t) {
        return 6 * Math.cos(2 * Math.PI * t / 168) + 3 * Math.sin(4 * Math.PI * t / 168);
    }

    @Test
    void stlRecoversAFixedSeasonAndALinearTrend() {
        int n = 24 * 20;
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 50 + 0.1 * t + daily(t);
        }
        Stl.Result r = Stl.decompose(y, 24, 11, 2);
        for (int t = 48; t < n - 48; t++) {
            assertThat(r.seasonal()[t]).as("seasonal at %d", t).isCloseTo(daily(t), within(0.2));
            assertThat(r.trend()[t]).as("trend at %d", t).isCloseTo(50 + 0.1 * t, within(0.2));
        }
    }

    @Test
    void stlOfAConstantHasNoSeason() {
        double[] y = new double[24 * 5];
        java.util.Arrays.fill(y, 7);
        Stl.Result r = Stl.decompose(y, 24, 11, 2);
        for (int t = 0; t < y.length; t++) {
            assertThat(r.seasonal()[t]).isCloseTo(0, within(1e-9));
            assertThat(r.trend()[t]).isCloseTo(7, within(1e-9));
        }
    }

    @Test
    void mstlSeparatesTheDayFromTheWeek() {
        int n = 24 * 7 * 6;
        double[] y = twoSeasons(n, 0.5);
        Mstl.Decomposition d = Mstl.decompose(y, new int[] {24, 168});
        double dailyError = 0;
        double weeklyError = 0;
        int count = 0;
        for (int t = 168; t < n - 168; t++) {
            dailyError += Math.abs(d.seasonals()[0][t] - daily(t));
            weeklyError += Math.abs(d.seasonals()[1][t] - weekly(t));
            count++;
        }
        assertThat(dailyError / count).isLessThan(1.0);
        assertThat(weeklyError / count).isLessThan(1.5);
        double[] adjusted = d.adjusted(y);
        assertThat(adjusted[n / 2]).isCloseTo(100 + 0.02 * (n / 2), within(3.0));
    }

    @Test
    void theMultiSeasonalModelsForecastBothSeasons() {
        int n = 24 * 7 * 6;
        double[] y = twoSeasons(n + 48, 0.5);
        double[] history = Synthetic.slice(y, 0, n);
        for (Method method : new Method[] {Method.MSTL, Method.HARMONIC, Method.AUTO}) {
            Forecast f = Forecaster.of(method, 0).fit(history, java.time.Duration.ofHours(1)).forecast(48);
            double mae = 0;
            for (int k = 0; k < 48; k++) {
                mae += Math.abs(f.mean(k) - y[n + k]) / 48;
            }
            // The noise alone gives about 0.4, a level that does not follow the trend up to 1; ignoring the week would
            // give about 4.
            assertThat(mae).as(method.cliName()).isLessThan(3.0);
        }
    }

    @Test
    void harmonicTermsSkipFrequenciesAShorterPeriodHas() {
        int[][] terms = Harmonics.terms(new int[] {24, 168});
        assertThat(terms[0]).containsExactly(1, 2, 3, 4, 5, 6);
        // A week gets two harmonics per day it spans, less the 7th and 14th (the day's first and second).
        assertThat(terms[1]).containsExactly(1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13);
        // A 12-step period's first harmonic is the 24-step period's second.
        assertThat(Harmonics.terms(new int[] {12, 24})[1]).containsExactly(1, 3, 5);
        // Below the Nyquist limit: a period of 5 has harmonics 1 and 2 only.
        assertThat(Harmonics.terms(new int[] {5})[0]).containsExactly(1, 2);
    }

    @Test
    void periodsAreADayAndAWeekWhenTheHistoryHoldsTwoOfEach() {
        java.time.Duration hour = java.time.Duration.ofHours(1);
        assertThat(Periods.multiple(new double[24 * 7 * 2], hour, 0)).containsExactly(24, 168);
        assertThat(Periods.multiple(new double[24 * 7 * 2 - 1], hour, 0)).containsExactly(24);
        assertThat(Periods.multiple(new double[47], hour, 0)).isEmpty();
        assertThat(Periods.multiple(new double[100], hour, 12)).containsExactly(12);
        assertThat(Periods.multiple(new double[100], hour, 1)).isEmpty();
        assertThat(Periods.multiple(new double[24 * 30], java.time.Duration.ofMinutes(5), 0)).containsExactly(288);
    }
}
