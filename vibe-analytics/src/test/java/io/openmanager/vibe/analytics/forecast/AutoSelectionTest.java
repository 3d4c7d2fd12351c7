package io.openmanager.vibe.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The promise of {@link Method#AUTO}: on its own holdout it is never worse than seasonal naive. */
class AutoSelectionTest {

    @Property(tries = 40)
    void theChoiceIsNoWorseThanTheBaselineOnTheHoldout(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                      @ForAll @IntRange(min = 30, max = 400) int n,
                                                      @ForAll @DoubleRange(min = 0, max = 20) double amplitude,
                                                      @ForAll @DoubleRange(min = 0, max = 5) double noise,
                                                      @ForAll @IntRange(min = 0, max = 48) int holdout) {
        double[] y = Synthetic.cycle(seed, n, 30, (seed % 7 - 3) * 0.01, amplitude, 24, noise);
        AutoForecaster auto = new AutoForecaster(0, holdout);
        AutoForecaster.Selection s = auto.select(y, Duration.ofHours(1));
        assertThat(s.methods().get(0)).isEqualTo(s.period() > 1 ? Method.SEASONAL_NAIVE : Method.NAIVE);
        if (s.folds() > 0) {
            assertThat(s.smape()[s.chosen()]).isLessThanOrEqualTo(s.smape()[0]);
            assertThat(s.mae()[s.chosen()]).isLessThanOrEqualTo(s.mae()[0]);
        }
        assertThat(auto.fit(y, Duration.ofHours(1)).description()).startsWith("auto(period=" + s.period() + ")");
    }

    @Property(tries = 20)
    void tooShortForAHoldoutMeansTheBaseline(@ForAll @IntRange(min = 1, max = 40) int n) {
        double[] y = Synthetic.cycle(n, n, 30, 0, 5, 24, 1);
        AutoForecaster.Selection s = new AutoForecaster(24, 24).select(y, null);
        assertThat(s.folds()).isZero();
        FittedModel m = new AutoForecaster(24, 24).fit(y, null);
        assertThat(m.description()).isEqualTo("auto(period=24): " + (n >= 24 ? "snaive" : "snaive -> naive")
                + " (too short for a holdout)");
    }
}
