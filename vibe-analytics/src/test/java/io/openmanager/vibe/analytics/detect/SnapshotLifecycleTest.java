package io.openmanager.vibe.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Snapshots taken all through a detector's life (fresh, warming up, while the seasonal model learns, after flat runs,
 * spikes and steps, across gaps, on bursts over zeros, and on series of extreme magnitude) pass the snapshot checks,
 * survive JSON, and the restored detector continues with the same bits as the original.
 */
class SnapshotLifecycleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LENGTH = 1_500;

    static Stream<Arguments> series() {
        Synthetic noise = new Synthetic(21);
        double[] gaussian = new double[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            gaussian[i] = noise.gaussian();
        }
        return Stream.of(
                Arguments.of("noisy sine with spikes", (IntToDoubleFunction) t ->
                        50 + 10 * Math.sin(t / 20.0) + gaussian[t] + (t % 211 == 0 ? 40 : 0)),
                Arguments.of("flat, then steps", (IntToDoubleFunction) t -> t < 700 ? 5.0 : 5.0 + (t / 100) * 3),
                Arguments.of("zeros", (IntToDoubleFunction) t -> 0.0),
                Arguments.of("level 1e90 with 1 % noise", (IntToDoubleFunction) t -> 1e90 * (1 + 0.01 * gaussian[t])),
                Arguments.of("alternating 0 and 1e39", (IntToDoubleFunction) t -> t % 2 == 0 ? 0.0 : 1e39),
                Arguments.of("around 1e-300", (IntToDoubleFunction) t -> 1e-300 * (3 + gaussian[t])),
                Arguments.of("noisy sine with gaps", (IntToDoubleFunction) t ->
                        t % 53 == 7 || t > 590 && t < 596 ? Double.NaN : 50 + 10 * Math.sin(t / 20.0) + gaussian[t]),
                Arguments.of("mostly zeros with bursts", (IntToDoubleFunction) t ->
                        t % 97 < 3 ? 1e6 * (2 + gaussian[t]) : 0.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void everySnapshotRestoresAndContinuesBitForBit(String name, IntToDoubleFunction value) throws Exception {
        for (String detector : new String[] {AnomalyDetectors.DEFAULT, SeasonalDetector.NAME}) {
            AnomalyDetector original = AnomalyDetectors.create(detector);
            for (int t = 0; t < LENGTH; t++) {
                if (t % 37 == 0 || t == 599 || t == 600) {
                    DetectorSnapshot snapshot = original.snapshot();
                    AnomalyDetector restored = JSON.readValue(JSON.writeValueAsBytes(snapshot),
                            DetectorSnapshot.class).restore();
                    assertThat(restored.snapshot()).as("%s %s at %d", detector, name, t).isEqualTo(snapshot);
                    AnomalyDetector twin = original.snapshot().restore();
                    for (int k = t; k < Math.min(LENGTH, t + 3); k++) {
                        long at = k * 60_000L;
                        double expected = twin.update(at, value.applyAsDouble(k));
                        assertThat(restored.update(at, value.applyAsDouble(k))).as("%s %s row %d after a restore at %d",
                                detector, name, k, t).isEqualTo(expected);
                    }
                }
                double score = original.update(t * 60_000L, value.applyAsDouble(t));
                assertThat(score).as("%s %s row %d", detector, name, t).isBetween(0.0, 1.0);
            }
        }
    }
}
