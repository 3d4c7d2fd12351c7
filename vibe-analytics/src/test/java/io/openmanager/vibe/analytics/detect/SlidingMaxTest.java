package io.openmanager.vibe.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** {@link SlidingMax} against a brute-force window: its maximum, its deque, and a restore from that deque. */
class SlidingMaxTest {

    /** Values >= 0 with many ties and zeros, as the default detector's raw scores have. */
    private static double[] values(long seed, int n) {
        Synthetic s = new Synthetic(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.floor(s.uniform() * 6) / 4;
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
    void maxIsTheMaximumOfTheLastSpanValues(@ForAll @IntRange(min = 1, max = 40) int span,
                                            @ForAll @IntRange(min = 0, max = 200) int n,
                                            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        double[] x = values(seed, n);
        SlidingMax m = new SlidingMax(span);
        for (int i = 0; i < n; i++) {
            assertThat(m.max()).as("before value %d", i).isEqualTo(bruteMax(x, i, span));
            m.add(x[i]);
        }
        assertThat(m.max()).isEqualTo(bruteMax(x, n, span));
        assertThat(m.count()).isEqualTo(n);
    }

    @Property(tries = 300)
    void dequeHoldsTheValuesAboveEveryLaterOneAndRestoresTheSameMaxima(
            @ForAll @IntRange(min = 1, max = 40) int span, @ForAll @IntRange(min = 0, max = 150) int cut,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        double[] x = values(seed, cut + 100);
        SlidingMax m = new SlidingMax(span);
        for (int i = 0; i < cut; i++) {
            m.add(x[i]);
        }
        List<Long> index = new ArrayList<>();
        List<Double> value = new ArrayList<>();
        double later = Double.NEGATIVE_INFINITY;
        for (int i = cut - 1; i >= Math.max(0, cut - span); i--) {
            if (x[i] > later) {
                later = x[i];
                index.add(0, (long) i);
                value.add(0, x[i]);
            }
        }
        SlidingMax.Deque deque = m.deque();
        assertThat(deque.index()).containsExactly(index.stream().mapToLong(Long::longValue).toArray());
        assertThat(deque.value()).containsExactly(value.stream().mapToDouble(Double::doubleValue).toArray());

        SlidingMax restored = new SlidingMax(span);
        restored.restore(deque.index(), deque.value(), m.count());
        for (int i = cut; i < x.length; i++) {
            assertThat(restored.max()).as("before value %d", i).isEqualTo(m.max());
            m.add(x[i]);
            restored.add(x[i]);
        }
    }
}
