package io.openmanager.vibe.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Log1p} gives exactly the bits of {@link StrictMath#log1p}, which the detectors' outputs were pinned with. */
class Log1pTest {
    private static void same(double x) {
        assertThat(Double.doubleToRawLongBits(Log1p.of(x))).as("log1p(%s)", x)
                .isEqualTo(Double.doubleToRawLongBits(StrictMath.log1p(x)));
    }

    @Test
    void specialValuesAndBranchBoundaries() {
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 0x1p-54, 0x1p-29, 0x1p-20, 1e-300,
                -1.0, Math.nextUp(-1.0), -2.0, -0.2929, -0.29289321881345254, 0.41421356237309503, 0.41422,
                1.0, 2.0, 3.0, 0x1p53, 1e16, 1e300, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN};
        for (double x : special) {
            same(x);
            same(Math.nextUp(x));
            same(Math.nextDown(x));
        }
    }

    @Test
    void everyBinadeOfBothSigns() {
        Synthetic random = new Synthetic(11);
        for (int exponent = -1074; exponent <= 1023; exponent++) {
            for (int i = 0; i < 100; i++) {
                double x = Math.scalb(1.0 + random.uniform(), exponent);
                same(x);
                same(-x);
            }
        }
    }

    @Test
    void theRangeOfDetectorStatistics() {
        Synthetic random = new Synthetic(12);
        for (int i = 0; i < 1_000_000; i++) {
            same(random.uniform() * 64);
        }
    }
}
