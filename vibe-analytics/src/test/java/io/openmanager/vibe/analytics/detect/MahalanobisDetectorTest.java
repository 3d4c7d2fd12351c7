package io.openmanager.vibe.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MahalanobisDetectorTest {

    /** CPU follows requests closely; at row 1500 CPU is high with ordinary requests: each value alone is normal. */
    private static double[][] correlated() {
        Synthetic s = new Synthetic(21);
        double[][] x = new double[2000][];
        for (int i = 0; i < x.length; i++) {
            double load = 50 + 15 * s.gaussian();
            x[i] = new double[] {load, 0.8 * load + 2 * s.gaussian()};
        }
        x[1500] = new double[] {40, 0.8 * 65};
        return x;
    }

    @Test
    void catchesABrokenCorrelationThatNoSingleMetricShows() {
        double[][] x = correlated();
        MahalanobisDetector m = new MahalanobisDetector(2);
        EwmaDetector cpu = new EwmaDetector();
        double before = 0;
        double cpuBefore = 0;
        double at = 0;
        double cpuAt = 0;
        for (int i = 0; i < x.length; i++) {
            double s = m.update(i * 1000L, x[i]);
            double c = cpu.update(i * 1000L, x[i][1]);
            if (i >= 100 && i < 1500) {
                before = Math.max(before, s);
                cpuBefore = Math.max(cpuBefore, c);
            } else if (i == 1500) {
                at = s;
                cpuAt = c;
            }
        }
        assertThat(at).isGreaterThan(before);
        assertThat(cpuAt).isLessThan(cpuBefore);
    }

    @Test
    void badSamplesAreSkippedAndCounted() {
        MahalanobisDetector m = new MahalanobisDetector(2);
        assertThat(m.update(1, new double[] {1, 2})).isZero();
        assertThat(m.update(2, new double[] {Double.NaN, 2})).isZero();
        assertThat(m.update(3, new double[] {1})).isZero();
        assertThat(m.update(4, null)).isZero();
        assertThat(m.update(1, new double[] {1, 2})).isZero();
        assertThat(m.inputCounters()).isEqualTo(new InputCounters(1, 3, 1, 1));
        assertThatThrownBy(() -> new MahalanobisDetector(0)).hasMessageContaining("dimensions");
    }

    @Test
    void snapshotRoundTripsThroughJsonAndContinuesIdentically() throws Exception {
        double[][] x = correlated();
        MahalanobisDetector a = new MahalanobisDetector(2);
        MahalanobisDetector b = new MahalanobisDetector(2);
        for (int i = 0; i < 700; i++) {
            a.update(i, x[i]);
            b.update(i, x[i]);
        }
        ObjectMapper json = new ObjectMapper();
        MahalanobisDetector.Snapshot snap = json.readValue(json.writeValueAsString(b.snapshot()),
                MahalanobisDetector.Snapshot.class);
        assertThat(snap).isEqualTo(b.snapshot());
        MahalanobisDetector restored = snap.restore();
        for (int i = 700; i < x.length; i++) {
            assertThat(restored.update(i, x[i])).isEqualTo(a.update(i, x[i]));
        }
    }
}
