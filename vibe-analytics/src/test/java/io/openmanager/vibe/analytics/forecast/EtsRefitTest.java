package io.openmanager.vibe.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The warm-started refit behind {@link Method#AUTO}: the whole-series smoothing fit starts from the earliest holdout
 * fold's parameters instead of from scratch.
 */
class EtsRefitTest {

    private static Ets.EtsModel fit(Method method, double[] y, int m) {
        return fit(method, y, m, Ets.RHO_END);
    }

    private static Ets.EtsModel fit(Method method, double[] y, int m, double rhoEnd) {
        Fitted f = SimpleForecaster.fitClean(method, y, m, 0, rhoEnd);
        assertThat(f).as(f.description()).isInstanceOf(Ets.EtsModel.class);
        return (Ets.EtsModel) f;
    }

    @Property(tries = 30)
    void theRefitNeverFitsWorseInSampleThanItsStartingParameters(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 60, max = 600) int n,
            @ForAll @IntRange(min = 0, max = 2) int which) {
        Method method = new Method[] {Method.HOLT_WINTERS_ADDITIVE, Method.HOLT_WINTERS_MULTIPLICATIVE,
            Method.HOLT}[which];
        double[] y = Synthetic.cycle(seed, n, 40, (seed % 7 - 3) * 0.02, 8, 12, 2);
        double[] fold = Synthetic.slice(y, 0, n - n / 5);
        Ets.EtsModel start = fit(method, fold, 12, AutoForecaster.FOLD_RHO_END);
        Fitted rerun = Ets.rerun(y, start);
        Fitted refit = Ets.refit(y, start, AutoForecaster.REFIT_RHO_BEGIN, AutoForecaster.REFIT_RHO_END);
        if (rerun instanceof Ets.EtsModel) {
            // The starting parameters run on the whole series: the refit keeps the structure and fits no worse
            // (same degrees of freedom, so sigma orders the in-sample sums of squares).
            assertThat(refit).isInstanceOf(Ets.EtsModel.class);
            assertThat(refit.description()).isEqualTo(start.description());
            assertThat(((Ets.EtsModel) refit).sigma()).isLessThanOrEqualTo(((Ets.EtsModel) rerun).sigma());
        }
    }

    @Test
    void theRefitLandsNextToTheFromScratchOptimum() {
        // The benchmark's series: 1,000 hourly points, daily cycle of amplitude 10, trend, noise.
        double[] y = new double[1000];
        long state = 42;
        for (int t = 0; t < y.length; t++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            double noise = ((state >>> 11) / (double) (1L << 53)) - 0.5;
            y[t] = 50 + 0.01 * t + 10 * Math.sin(2 * Math.PI * t / 24) + 4 * noise;
        }
        Ets.EtsModel scratch = fit(Method.HOLT_WINTERS_ADDITIVE, y, 24);
        // auto's earliest fold: 1,000 - 3 x 48 points, with the fold's coarser stop.
        Ets.EtsModel fold = fit(Method.HOLT_WINTERS_ADDITIVE, Synthetic.slice(y, 0, 856), 24,
                AutoForecaster.FOLD_RHO_END);
        Ets.EtsModel refit = (Ets.EtsModel) Ets.refit(y, fold, AutoForecaster.REFIT_RHO_BEGIN,
                AutoForecaster.REFIT_RHO_END);
        assertThat(refit.sigma()).isCloseTo(scratch.sigma(), within(0.02 * scratch.sigma()));
        double[] a = refit.forecast(48).mean();
        double[] b = scratch.forecast(48).mean();
        // Within half the noise's standard deviation (4 / sqrt(12) / 2 = 0.58) of the from-scratch forecast.
        double noiseSd = 4 / Math.sqrt(12);
        for (int k = 0; k < 48; k++) {
            assertThat(a[k]).as("step %d", k + 1).isCloseTo(b[k], within(0.5 * noiseSd));
        }
        FittedModel auto = Forecaster.auto(0, 48).fit(y, Duration.ofHours(1));
        assertThat(auto.description()).isEqualTo("auto(period=24): hw-add");
        assertThat(auto.forecast(48).mean()).isEqualTo(a);
    }
}
