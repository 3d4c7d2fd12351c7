package io.openmanager.vibe.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

/** The promises of {@link AnomalyDetector}, checked for every registered detector. */
class DetectorContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> names() {
        return AnomalyDetectors.names();
    }

    private static double[] series(long seed) {
        Synthetic s = new Synthetic(seed);
        double[] x = s.seasonal(1500, 96, 50, 10, 2);
        x[1200] += 60;
        for (int i = 1300; i < 1500; i++) {
            x[i] += 15;
        }
        return x;
    }

    @Test
    void everyBuiltInDetectorIsDiscoveredThroughServiceLoader() {
        assertThat(AnomalyDetectors.names()).contains("threshold", "ewma", "robust-window", "cusum",
                "page-hinkley", "seasonal", "default");
        assertThat(AnomalyDetectors.loadErrors()).isEmpty();
        assertThat(AnomalyDetectors.createDefault()).isInstanceOf(DefaultDetector.class);
    }

    @Test
    void unknownNamesAndParametersAreRefusedWithTheNameAndValue() {
        assertThatThrownBy(() -> AnomalyDetectors.create("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope").hasMessageContaining("ewma");
        assertThatThrownBy(() -> AnomalyDetectors.create("ewma", Map.of("beta", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beta");
        assertThatThrownBy(() -> AnomalyDetectors.create("ewma", Map.of("alpha", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
        assertThatThrownBy(() -> AnomalyDetectors.create("ewma", Map.of("alpha", "2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha").hasMessageContaining("2");
        assertThat(AnomalyDetectors.create("ewma", Map.of("alpha", "0.1")).name()).isEqualTo("ewma");
    }

    @ParameterizedTest
    @MethodSource("names")
    void scoresAreInTheUnitIntervalAndZeroWhileWarmingUp(String name) {
        AnomalyDetector d = AnomalyDetectors.create(name);
        double[] x = series(1);
        for (int i = 0; i < x.length; i++) {
            boolean warm = d.isWarm();
            double score = d.update(i * 1000L, x[i]);
            assertThat(score).as("row %d", i).isBetween(0.0, 1.0);
            if (!warm && !name.equals("threshold")) {
                assertThat(score).as("score while warming up, row %d", i).isZero();
            }
        }
        assertThat(d.isWarm()).isTrue();
        assertThat(d.inputCounters().accepted()).isEqualTo(x.length);
    }

    @ParameterizedTest
    @MethodSource("names")
    void badInputIsSkippedScoredZeroAndCounted(String name) {
        AnomalyDetector d = AnomalyDetectors.create(name);
        AnomalyDetector clean = AnomalyDetectors.create(name);
        double[] x = series(2);
        int nonFinite = 0;
        int outOfOrder = 0;
        int missing = 0;
        for (int i = 0; i < x.length; i++) {
            long t = i * 1000L;
            assertThat(d.update(t, x[i])).isEqualTo(clean.update(t, x[i]));
            if (i % 7 == 3) {
                // A gap is data (both detectors see it); invalid input is not (only one does).
                assertThat(d.update(t + 1, Double.NaN)).isZero();
                assertThat(clean.update(t + 1, Double.NaN)).isZero();
                missing++;
                assertThat(d.update(t + 2, i % 2 == 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY))
                        .isZero();
                nonFinite++;
            }
            if (i % 11 == 5) {
                assertThat(d.update(t, x[i] + 1000)).isZero();
                assertThat(d.update(t - 5000, -1e9)).isZero();
                outOfOrder += 2;
            }
        }
        InputCounters c = d.inputCounters();
        assertThat(c.accepted()).isEqualTo(x.length);
        assertThat(c.missing()).isEqualTo(missing);
        assertThat(c.skippedNonFinite()).isEqualTo(nonFinite);
        assertThat(c.skippedOutOfOrder()).isEqualTo(outOfOrder);
        assertThat(c.skipped()).isEqualTo(missing + nonFinite + outOfOrder);
        assertThat(c.lastTimestampMillis()).isEqualTo((x.length - 1) * 1000L);
    }

    @ParameterizedTest
    @MethodSource("names")
    void aMissingValueScoresZeroAndTheRowIsCountedNeverSkippedSilently(String name) {
        AnomalyDetector d = AnomalyDetectors.create(name);
        double[] x = series(7);
        long gaps = 0;
        for (int i = 0; i < x.length; i++) {
            boolean gap = i % 97 == 50;
            double score = d.update(i * Synthetic.STEP_MILLIS, gap ? Double.NaN : x[i]);
            if (gap) {
                assertThat(score).as("row %d", i).isZero();
                gaps++;
            }
        }
        assertThat(d.inputCounters().missing()).isEqualTo(gaps);
        assertThat(d.inputCounters().accepted() + gaps).isEqualTo(x.length);
    }

    @ParameterizedTest
    @MethodSource("names")
    void aScoreDoesNotDependOnLaterValues(String name) {
        double[] a = series(3);
        double[] b = a.clone();
        int cut = 1100;
        Synthetic other = new Synthetic(99);
        for (int i = cut + 1; i < b.length; i++) {
            b[i] = other.gaussian() * 1000;
        }
        double[] sa = Synthetic.run(AnomalyDetectors.create(name), a);
        double[] sb = Synthetic.run(AnomalyDetectors.create(name), b);
        for (int i = 0; i <= cut; i++) {
            assertThat(sb[i]).as("row %d", i).isEqualTo(sa[i]);
        }
        assertThat(sb).isNotEqualTo(sa);
    }

    @ParameterizedTest
    @MethodSource("names")
    void snapshotsRoundTripThroughJsonAndContinueIdentically(String name) throws Exception {
        double[] x = series(4);
        AnomalyDetector d = AnomalyDetectors.create(name);
        double[] uninterrupted = Synthetic.run(AnomalyDetectors.create(name), x);
        for (int i = 0; i < 900; i++) {
            d.update(i * Synthetic.STEP_MILLIS, x[i]);
        }
        DetectorSnapshot snapshot = d.snapshot();
        String json = JSON.writeValueAsString(snapshot);
        DetectorSnapshot back = JSON.readValue(json, DetectorSnapshot.class);
        assertThat(back).isEqualTo(snapshot);
        assertThat(json).contains("\"type\":\"" + name + "\"");
        AnomalyDetector restored = back.restore();
        assertThat(restored.inputCounters()).isEqualTo(d.inputCounters());
        for (int i = 900; i < x.length; i++) {
            assertThat(restored.update(i * Synthetic.STEP_MILLIS, x[i])).as("row %d", i)
                    .isEqualTo(uninterrupted[i]);
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void extremeFiniteValuesNeverThrowAndScoresStayInTheUnitInterval(String name) {
        AnomalyDetector d = AnomalyDetectors.create(name);
        double[] extremes = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 0.0, -0.0, 1e100, -1e100, 1e-300};
        Synthetic s = new Synthetic(5);
        for (int i = 0; i < 3000; i++) {
            double v = i % 13 == 0 ? extremes[(i / 13) % extremes.length] : s.gaussian();
            double score = d.update(i, v);
            assertThat(score).as("row %d", i).isBetween(0.0, 1.0);
        }
        assertThat(d.inputCounters().accepted() + d.inputCounters().skippedNonFinite()).isEqualTo(3000);
        assertThat(d.inputCounters().skippedNonFinite()).isPositive();
    }

    @ParameterizedTest
    @MethodSource("names")
    void valuesBeyondTheMaximumMagnitudeAreSkippedSoTheStateStaysUsable(String name) {
        AnomalyDetector d = AnomalyDetectors.create(name);
        AnomalyDetector clean = AnomalyDetectors.create(name);
        double[] x = series(6);
        for (int i = 0; i < x.length; i++) {
            if (i % 50 == 7) {
                assertThat(d.update(i * 1000L - 1, i % 100 == 7 ? 1e300 : -Double.MAX_VALUE)).isZero();
            }
            assertThat(d.update(i * 1000L, x[i])).as("row %d", i).isEqualTo(clean.update(i * 1000L, x[i]));
        }
        assertThat(d.inputCounters().skippedNonFinite()).isEqualTo(30);
    }

    @ParameterizedTest
    @MethodSource("names")
    void aConstantSeriesNeverThrows(String name) {
        AnomalyDetector d = AnomalyDetectors.create(name);
        for (int i = 0; i < 2000; i++) {
            assertThat(d.update(i, 42.0)).isBetween(0.0, 1.0);
        }
        assertThat(d.update(2000, 43.0)).isBetween(0.0, 1.0);
    }
}
