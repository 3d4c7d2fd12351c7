package io.openmanager.vibe.analytics.detect;

import org.junit.jupiter.api.Test;

/** {@link Log} gives exactly the bits of {@link StrictMath#log} (fdlibm), on every input class. */
class LogTest {
    private static final SameBits SAME = new SameBits("log", Log::of, StrictMath::log);

    private static void same(double x) {
        SAME.at(x);
    }

    @Test
    void specialValuesAndBranchBoundaries() {
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 0x1p-1023, 1e-310,
                0x1p-20, 1e-300, -1.0, -2.0, 1.0, 2.0, 0.5, 3.0, Math.sqrt(2.0), Math.sqrt(0.5), 1.0 + 0x1p-20,
                1.0 - 0x1p-21, Double.longBitsToDouble(0x3ff6147a00000000L),
                Double.longBitsToDouble(0x3ff6b85100000000L), 10.0, 1e300, Double.MAX_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        SAME.aroundEach(special);
    }

    @Test
    void everyBinadeOfBothSigns() {
        SAME.inEveryBinadeOfBothSigns(21);
    }

    @Test
    void nearOneAndNearEveryPowerOfTwo() {
        for (int exponent = -1074; exponent <= 1023; exponent++) {
            double p = Math.scalb(1.0, exponent);
            double up = p;
            double down = p;
            for (int i = 0; i < 20; i++) {
                same(up);
                same(down);
                up = Math.nextUp(up);
                down = Math.nextDown(down);
            }
        }
        Synthetic random = new Synthetic(22);
        for (int i = 0; i < 100_000; i++) {
            same(1.0 + (random.uniform() - 0.5) * 0x1p-18);
        }
    }

    @Test
    void theRangeOfDetectorArguments() {
        // Scores.log10Erfc takes the log of t = 1 / (1 + x / 2) in (0, 1].
        Synthetic random = new Synthetic(23);
        for (int i = 0; i < 1_000_000; i++) {
            same(1.0 / (1.0 + 0.5 * random.uniform() * 20));
            same(random.uniform());
        }
    }
}
