package io.openmanager.vibe.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ForecasterPropertiesTest {

    @Provide
    Arbitrary<double[]> oddSeries() {
        Arbitrary<Double> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.doubles().between(-1e3, 1e3)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY, 0.0, 1e300, -1e300, Double.MIN_VALUE)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(5.0)));
        return Arbitraries.oneOf(
                value.array(double[].class).ofMinSize(0).ofMaxSize(5),
                value.array(double[].class).ofMinSize(0).ofMaxSize(80),
                Arbitraries.doubles().between(-5, 5).map(c -> constant(c, 60)));
    }

    private static double[] constant(double c, int n) {
        double[] y = new double[n];
        java.util.Arrays.fill(y, c);
        return y;
    }

    @Property(tries = 150)
    void noExceptionEscapesAndIntervalsAreOrdered(@ForAll("oddSeries") double[] y,
                                                   @ForAll Method method,
                                                   @ForAll @IntRange(min = 0, max = 30) int period,
                                                   @ForAll @IntRange(min = 1, max = 30) int horizon) {
        Forecast f = Forecaster.of(method, period).fit(y, Duration.ofHours(1)).forecast(horizon);
        assertThat(f.horizon()).isEqualTo(horizon);
        boolean moderate = true;
        boolean anyFinite = false;
        for (double v : y) {
            moderate &= !Double.isFinite(v) || Math.abs(v) <= 1e3;
            anyFinite |= Double.isFinite(v);
        }
        for (int k = 0; k < horizon; k++) {
            if (moderate && anyFinite) {
                assertThat(f.mean(k)).as(f.description()).isFinite();
                assertThat(f.lower95()[k]).isLessThanOrEqualTo(f.lower80()[k]);
                assertThat(f.lower80()[k]).isLessThanOrEqualTo(f.mean(k));
                assertThat(f.mean(k)).isLessThanOrEqualTo(f.upper80()[k]);
                assertThat(f.upper80()[k]).isLessThanOrEqualTo(f.upper95()[k]);
            }
        }
    }

    @Property(tries = 60)
    void aConstantSeriesIsForecastAsThatConstant(@ForAll @IntRange(min = 1, max = 100) int n,
                                                 @ForAll Method method) {
        double[] y = constant(42, n);
        Forecast f = Forecaster.of(method, 0).fit(y, Duration.ofHours(1)).forecast(5);
        for (int k = 0; k < 5; k++) {
            assertThat(f.mean(k)).as(f.description()).isCloseTo(42, org.assertj.core.api.Assertions.within(1e-6));
        }
    }
}
