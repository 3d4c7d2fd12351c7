package io.openmanager.vibe.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * {@link RecentMax} against a brute-force window (one value per tick here): exact while its staircase fits, never
 * above it, restorable; values sharing a tick, and ticks that skip, keep the window a duration.
 */
class RecentMaxTest {

    /** Values >= 0 with ties and zeros, as the default detector's raw scores have; {@code levels} positive ones. */
    private static double[] values(long seed, int n, int levels) {
        Synthetic s = new Synthetic(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.floor(s.uniform() * (levels + 1)) / 4;
        }
        return x;
    }

    private static double bruteMax(double[] x, int end, int span) {
        double max = 0.0;
        for (int i = Math.max(0, end - span); i < end; i++) {
            max = Math.max(max, x[i]);
        }
        return max;
    }

    @Property(tries = 300)
    void exactWhileTheWindowHoldsAtMostCapacityDistinctValues(@ForAll @IntRange(min = 1, max = 40) int span,
                                                                @ForAll @IntRange(min = 0, max = 200) int n,
                                                                @ForAll @LongRange(min = 0, max = 1000) long seed) {
        double[] x = values(seed, n, RecentMax.CAPACITY);
        RecentMax m = new RecentMax();
        for (int i = 0; i < n; i++) {
            assertThat(m.max(i, span)).as("before value %d", i).isEqualTo(bruteMax(x, i, span));
            m.add(i, x[i]);
        }
        assertThat(m.max(n, span)).isEqualTo(bruteMax(x, n, span));
        assertThat(m.lastTick()).isEqualTo(Math.max(0, n - 1));
    }

    @Property(tries = 300)
    void neverAboveTheWindowMaximumNorBelowItsNewestValue(@ForAll @IntRange(min = 1, max = 60) int span,
                                                           @ForAll @LongRange(min = 0, max = 1000) long seed) {
        double[] x = values(seed, 300, 40);
        RecentMax m = new RecentMax();
        for (int i = 0; i < x.length; i++) {
            double max = m.max(i, span);
            assertThat(max).as("before value %d", i).isLessThanOrEqualTo(bruteMax(x, i, span));
            if (i > 0) {
                assertThat(max).as("before value %d", i).isGreaterThanOrEqualTo(x[i - 1]);
            }
            m.add(i, x[i]);
        }
    }

    @Property(tries = 200)
    void aRestoredWindowGivesTheSameMaxima(@ForAll @IntRange(min = 1, max = 40) int span,
                                           @ForAll @IntRange(min = 0, max = 150) int cut,
                                           @ForAll @LongRange(min = 0, max = 1000) long seed) {
        double[] x = values(seed, cut + 100, 12);
        RecentMax m = new RecentMax();
        for (int i = 0; i < cut; i++) {
            m.add(i, x[i]);
        }
        RecentMax restored = new RecentMax();
        restored.restore(m.entries(), m.lastTick());
        for (int i = cut; i < x.length; i++) {
            assertThat(restored.max(i, span)).as("before value %d", i).isEqualTo(m.max(i, span));
            m.add(i, x[i]);
            restored.add(i, x[i]);
        }
    }

    @Test
    void theSecondNewestEntryMakesRoomAndTheClockWrapsAround() {
        RecentMax m = new RecentMax();
        for (int i = 0; i <= RecentMax.CAPACITY; i++) {
            m.add(i, 1.0 - i * 0.1);          // a falling staircase one longer than the capacity
        }
        long[] kept = m.entries();
        float[] values = new float[kept.length];
        for (int i = 0; i < kept.length; i++) {
            values[i] = Float.intBitsToFloat((int) kept[i]);
        }
        // 1.0 .. 0.5 filled it; 0.4 came in and 0.6, then the second newest, made room.
        assertThat(values).containsExactly(1.0f, 0.9f, 0.8f, 0.7f, 0.5f, 0.4f);
        RecentMax wrapped = new RecentMax();
        wrapped.restore(new long[0], Integer.MAX_VALUE - 1);
        wrapped.add(Integer.MAX_VALUE - 1, 0.5);
        wrapped.add(Integer.MAX_VALUE, 0.25);
        wrapped.add(Integer.MIN_VALUE, 0.0);
        assertThat(wrapped.max(Integer.MIN_VALUE + 1, 3)).isEqualTo(0.5);
        wrapped.add(Integer.MIN_VALUE + 1, 0.0);
        assertThat(wrapped.max(Integer.MIN_VALUE + 2, 3)).as("0.5 left the window across the wrap").isEqualTo(0.25);
        assertThatThrownBy(() -> wrapped.restore(new long[RecentMax.CAPACITY + 1], 0))
                .hasMessageContaining("at most " + RecentMax.CAPACITY);
    }

    @Test
    void theWindowIsADurationWhateverTheValuesPerTick() {
        RecentMax m = new RecentMax();
        m.add(1_000, 0.8);
        m.add(1_000, 0.5);                     // same tick, smaller: kept behind the 0.8
        m.add(1_030, 0.3);
        assertThat(m.max(1_060, 60)).isEqualTo(0.8f);
        assertThat(m.max(1_061, 60)).as("60 ticks after 1000, the 0.8 and the 0.5 have left").isEqualTo(0.3f);
        assertThat(m.max(2_000, 60)).as("a long gap empties the window").isZero();
        assertThatThrownBy(() -> RecentMax.check("w", new long[] {(long) 1_001 << 32 | Float.floatToRawIntBits(0.5f)},
                1_000)).hasMessageContaining("w[0] must be added at or before the last tick 1000");
    }
}
