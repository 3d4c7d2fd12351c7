package io.openmanager.vibe.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Snapshot, restore into a fresh detector, continue: bit-identical to the uninterrupted run. */
class SnapshotRestorePropertiesTest {

    @Provide
    Arbitrary<String> detector() {
        return Arbitraries.of(AnomalyDetectors.names());
    }

    @Property(tries = 60)
    void restoredDetectorContinuesBitIdentically(@ForAll("detector") String name,
                                                  @ForAll @IntRange(min = 0, max = 1400) int cut,
                                                  @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Synthetic s = new Synthetic(seed);
        double[] x = s.seasonal(1500, 50, 10, 3, 1);
        for (int i = 0; i < x.length; i += 97) {
            x[i] = i % 3 == 0 ? Double.NaN : x[i] * 5;
        }
        AnomalyDetector uninterrupted = AnomalyDetectors.create(name);
        AnomalyDetector first = AnomalyDetectors.create(name);
        long[] expected = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = Double.doubleToRawLongBits(uninterrupted.update(i * 60_000L, x[i]));
        }
        for (int i = 0; i < cut; i++) {
            first.update(i * 60_000L, x[i]);
        }
        AnomalyDetector restored = first.snapshot().restore();
        for (int i = cut; i < x.length; i++) {
            assertThat(Double.doubleToRawLongBits(restored.update(i * 60_000L, x[i]))).as("row %d", i)
                    .isEqualTo(expected[i]);
        }
        assertThat(restored.inputCounters()).isEqualTo(uninterrupted.inputCounters());
    }

    @Property(tries = 200)
    void orderStatisticWindowAgreesWithSorting(@ForAll @IntRange(min = 8, max = 40) int capacity,
                                               @ForAll @IntRange(min = 1, max = 200) int n,
                                               @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Synthetic s = new Synthetic(seed);
        OrderStatisticWindow w = new OrderStatisticWindow(capacity);
        double[] all = new double[n];
        for (int i = 0; i < n; i++) {
            all[i] = Math.floor(s.uniform() * 10);
            w.add(all[i]);
            int from = Math.max(0, i + 1 - capacity);
            double[] sorted = java.util.Arrays.copyOfRange(all, from, i + 1);
            java.util.Arrays.sort(sorted);
            assertThat(w.count()).isEqualTo(sorted.length);
            for (int k = 0; k < sorted.length; k++) {
                assertThat(w.select(k)).isEqualTo(sorted[k]);
            }
        }
    }
}
