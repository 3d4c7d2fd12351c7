package io.openmanager.vibe.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The promises of {@link Method#AUTO}: a median of its members, and intervals calibrated on holdout folds. */
class AutoSelectionTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @Property(tries = 30)
    void theForecastIsAMedianOfMembersWithOrderedBounds(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                        @ForAll @IntRange(min = 30, max = 500) int n,
                                                        @ForAll @DoubleRange(min = 0, max = 20) double amplitude,
                                                        @ForAll @DoubleRange(min = 0, max = 5) double noise) {
        double[] y = Synthetic.cycle(seed, n, 30, (seed % 7 - 3) * 0.01, amplitude, 24, noise);
        Fitted[] members = AutoForecaster.members(Series.clean(y), Periods.multiple(y, HOUR, 0));
        double[][] memberMeans = new double[members.length][];
        for (int i = 0; i < members.length; i++) {
            memberMeans[i] = members[i].forecast(24).mean();
        }
        Forecast auto = Forecaster.auto().fit(y, HOUR).forecast(24);
        for (int k = 0; k < 24; k++) {
            double lowest = Double.POSITIVE_INFINITY;
            double highest = Double.NEGATIVE_INFINITY;
            for (double[] m : memberMeans) {
                lowest = Math.min(lowest, m[k]);
                highest = Math.max(highest, m[k]);
            }
            assertThat(auto.mean(k)).isBetween(lowest, highest);
            assertThat(auto.lower(95, k)).isLessThanOrEqualTo(auto.lower(80, k));
            assertThat(auto.lower(80, k)).isLessThanOrEqualTo(auto.mean(k));
            assertThat(auto.upper(80, k)).isGreaterThanOrEqualTo(auto.mean(k));
            assertThat(auto.upper(95, k)).isGreaterThanOrEqualTo(auto.upper(80, k));
        }
    }

    @Test
    void noiseAroundAKnownCycleGetsIntervalsNearTheNoiseQuantiles() {
        // Gaussian noise of sd 2 around a fixed daily cycle: the 95 % half-width one step ahead is near 1.96 * 2.
        double[] y = Synthetic.cycle(7, 24 * 30, 50, 0, 10, 24, 2);
        Forecast f = Forecaster.auto().fit(y, HOUR).forecast(24);
        double half95 = (f.upper(95, 0) - f.lower(95, 0)) / 2;
        double half80 = (f.upper(80, 0) - f.lower(80, 0)) / 2;
        assertThat(half95).isBetween(0.6 * 1.96 * 2, 1.6 * 1.96 * 2);
        assertThat(half80).isBetween(0.6 * 1.28 * 2, 1.6 * 1.28 * 2);
        assertThat(Forecaster.auto().fit(y, HOUR).description()).contains("intervals from 72 errors in 3 holdout");
    }

    @Test
    void tooShortForHoldoutErrorsKeepsNormalIntervals() {
        double[] y = Synthetic.cycle(3, 60, 30, 0, 5, 24, 1);
        FittedModel m = Forecaster.auto().fit(y, HOUR);
        assertThat(m.description()).startsWith("auto(periods 24): median of").contains("normal intervals");
    }
}
