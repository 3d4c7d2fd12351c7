package io.openmanager.vibe.analytics.detect;

import org.junit.jupiter.api.Test;

/** {@link Log1p} gives exactly the bits of {@link StrictMath#log1p}, which the detectors' outputs were pinned with. */
class Log1pTest {
    private static final SameBits SAME = new SameBits("log1p", Log1p::of, StrictMath::log1p);

    private static void same(double x) {
        SAME.at(x);
    }

    @Test
    void specialValuesAndBranchBoundaries() {
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 0x1p-54, 0x1p-29, 0x1p-20, 1e-300,
                -1.0, Math.nextUp(-1.0), -2.0, -0.2929, -0.29289321881345254, 0.41421356237309503, 0.41422,
                1.0, 2.0, 3.0, 0x1p53, 1e16, 1e300, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN};
        SAME.aroundEach(special);
    }

    @Test
    void everyBinadeOfBothSigns() {
        SAME.inEveryBinadeOfBothSigns(11);
    }

    @Test
    void theRangeOfDetectorStatistics() {
        Synthetic random = new Synthetic(12);
        for (int i = 0; i < 1_000_000; i++) {
            same(random.uniform() * 64);
        }
    }
}
