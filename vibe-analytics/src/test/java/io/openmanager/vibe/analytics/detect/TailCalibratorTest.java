package io.openmanager.vibe.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link TailCalibrator}: rare is surprising, recurring stops being so, and the top three bins are the ones kept. */
class TailCalibratorTest {
    private static final double ALPHA = 0.005;
    private static final TailCalibrator.Rate RATE = TailCalibrator.Rate.of(ALPHA);
    private static final int WARMUP = 300;

    private static double learn(TailCalibrator c, double stat) {
        return c.log10TailThenLearn(TailCalibrator.compress(stat), RATE, 0.05, WARMUP);
    }

    @Test
    void aRareValueIsSurprisingUntilItRecurs() {
        TailCalibrator c = new TailCalibrator();
        Synthetic noise = new Synthetic(7);
        for (int i = 0; i < 1_000; i++) {
            assertThat(learn(c, Math.abs(noise.gaussian()))).as("common values, row %d", i)
                    .isGreaterThan(i < WARMUP ? -1e-300 : -3.0);
        }
        double first = learn(c, 40.0);
        assertThat(first).as("never seen: the normal tail decides").isLessThan(-6.0);
        for (int i = 0; i < 50; i++) {
            learn(c, Math.abs(noise.gaussian()));
        }
        double again = learn(c, 40.0);
        // One earlier occurrence with weight (1 - alpha)^51 = 0.77 in a total mass of about 1 / alpha = 200, of which
        // the part of its bin above u = log1p(40) counts (0.29 of the bin): p = 0.0011.
        assertThat(again).as("seen once 51 values ago").isBetween(-3.1, -2.8);
    }

    @Test
    void earlyExtremesAreForgottenSoALowerRecurringLevelStopsAlarming() {
        TailCalibrator c = new TailCalibrator();
        Synthetic noise = new Synthetic(11);
        for (double early : new double[] {200, 400, 800}) {
            learn(c, early);                                 // three extremes fill the slots before anything else
        }
        double last = 0.0;
        for (int i = 1; i <= 3_000; i++) {
            double p = learn(c, i % 100 == 0 ? 20.0 : Math.abs(noise.gaussian()));
            if (i % 100 == 0) {
                last = p;
            }
        }
        // The extremes' slots are forgotten after about 1,240 values; from then on the recurring 20 holds a slot and
        // its empirical tail (about 1/100 of the mass in a total of 1/alpha) keeps its surprise low.
        assertThat(last).as("log10 p of the 30th recurrence").isGreaterThan(-3.0);
        assertThat(new int[] {c.bin0, c.bin1, c.bin2}).contains((int) (Math.log1p(20.0) / 0.125));
    }

    @Test
    void theTotalMassIsExactForATinyAlpha() {
        TailCalibrator.Rate tiny = TailCalibrator.Rate.of(1e-17);
        TailCalibrator c = new TailCalibrator();
        Synthetic noise = new Synthetic(3);
        for (int i = 0; i < 400; i++) {
            c.log10TailThenLearn(TailCalibrator.compress(Math.abs(noise.gaussian())), tiny, 0.05, WARMUP);
        }
        // With 1 - alpha == 1 in doubles, 1 - (1 - alpha)^n would make the total 0 and every tail certain.
        assertThat(c.log10TailThenLearn(TailCalibrator.compress(1e6), tiny, 0.05, WARMUP)).isLessThan(-6.0);
    }

    @Test
    void keepsTheThreeHighestBinsWithDecayedMasses() {
        TailCalibrator c = new TailCalibrator();
        for (int bin = 0; bin < 10; bin++) {
            learn(c, Math.expm1((bin + 0.5) * 0.125));      // one statistic in the middle of each bin 0..9
        }
        assertThat(new int[] {c.bin0, c.bin1, c.bin2}).containsExactlyInAnyOrder(7, 8, 9);
        learn(c, Math.expm1(9.5 * 0.125));
        float mass9 = c.bin0 == 9 ? c.mass0 : c.bin1 == 9 ? c.mass1 : c.mass2;
        assertThat((double) mass9).isCloseTo(1.0 + (1.0 - ALPHA), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(c.n).isEqualTo(11);
    }
}
