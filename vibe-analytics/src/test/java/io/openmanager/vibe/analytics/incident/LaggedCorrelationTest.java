package io.openmanager.vibe.analytics.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.util.Random;

class LaggedCorrelationTest {
    private static double[] noise(long seed, int n) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }

    /** {@code y[t] = x[t - shift]}: x leads by {@code shift}. */
    private static double[] shifted(double[] x, int shift) {
        double[] y = new double[x.length];
        for (int t = 0; t < y.length; t++) {
            int s = t - shift;
            y[t] = s >= 0 && s < x.length ? x[s] : 0;
        }
        return y;
    }

    @Test
    void findsWhichSeriesLeadsAndByHowMuch() {
        double[] x = noise(1, 200);
        LaggedCorrelation lead = LaggedCorrelation.best(x, shifted(x, 4), 10).orElseThrow();
        assertThat(lead.lag()).isEqualTo(4);
        assertThat(lead.correlation()).isCloseTo(1.0, within(1e-9));
        assertThat(lead.overlap()).isEqualTo(196);
        assertThat(LaggedCorrelation.best(shifted(x, 4), x, 10).orElseThrow().lag()).isEqualTo(-4);
        assertThat(LaggedCorrelation.best(x, x, 0).orElseThrow().lag()).isZero();
    }

    @Test
    void aLagBeyondMaxLagIsNotFound() {
        double[] x = noise(2, 200);
        assertThat(LaggedCorrelation.best(x, shifted(x, 8), 3).orElseThrow().correlation()).isLessThan(0.5);
    }

    @Test
    void constantOrTooShortSeriesHaveNoAnswer() {
        assertThat(LaggedCorrelation.best(new double[] {1, 1, 1, 1}, new double[] {1, 2, 3, 4}, 1)).isEmpty();
        assertThat(LaggedCorrelation.best(new double[] {1, 2}, new double[] {1, 2}, 1)).isEmpty();
    }

    @Test
    void badArgumentsAreRefusedWithClearMessages() {
        assertThatThrownBy(() -> LaggedCorrelation.best(new double[3], new double[3], -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLag must be >= 0");
        assertThatThrownBy(() -> LaggedCorrelation.best(new double[] {0, Double.NaN}, new double[2], 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x[1] is not finite");
    }
}
