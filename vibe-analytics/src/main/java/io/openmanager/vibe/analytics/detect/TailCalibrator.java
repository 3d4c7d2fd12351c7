package io.openmanager.vibe.analytics.detect;

/**
 * Maps a non-negative statistic to the log10 of an upper-tail probability under the statistic's own running
 * distribution, in 48 bytes. The statistic is log-compressed ({@code u = log1p(stat)}) and two tail models are
 * learned with the same exponential forgetting (weight {@code alpha}):
 * <ul>
 *   <li>an empirical one: the decayed mass of the {@value #SLOTS} highest occupied bins of width 0.125 on the u
 *       scale (the top of a histogram: only the top decides a small tail probability). The mass above u,
 *       interpolated within u's bin, divided by the total decayed mass, is {@code p_emp} (for a u below every kept
 *       bin, all their mass counts: a lower bound of the histogram's tail there);</li>
 *   <li>a normal one on the u scale (exponentially weighted mean and variance, standard deviation floored), giving
 *       {@code p_norm}, which keeps resolution beyond the largest value ever seen.</li>
 * </ul>
 * The tail probability is {@code max(p_emp, p_norm)}: a value is surprising only if it is rare in the series'
 * history and far out on its scale, so an event that recurs (a daily batch job) stops alarming. A new bin above the
 * lowest kept one takes its slot; an old high bin keeps its slot while its mass decays, so a level once reached
 * keeps lowering the surprise of reaching it again, until its share of the mass falls below {@link #FORGOTTEN} and
 * any new bin may take the slot (on the NAB subset: a 64-bin histogram scored 60.52 standard, the three slots
 * 61.87, in 1 KB less).
 *
 * <p>The masses are floats; mean and variance stay doubles (their update is on the per-value dependency chain, where
 * float conversions cost the default detector about a fifth of its speed). The count saturates at
 * {@code Integer.MAX_VALUE}, and the total mass is derived from the count. Fields are package-visible for the
 * owner's snapshot.
 */
final class TailCalibrator {
    /** Bins kept. */
    static final int SLOTS = 3;
    /** The bin index of an empty slot: below every bin. */
    static final byte EMPTY = -1;
    private static final int LAST_BIN = Byte.MAX_VALUE;
    private static final double COMMON_Z = 0.6;
    private static final double COMMON_P = 0.3;
    private static final double BIN_WIDTH = 0.125;
    /**
     * A kept bin is forgotten when its mass falls below this share of the total mass (taken as the smaller of the
     * count and 1 / alpha, which it approaches): the tail probability it alone still vouches for is then under
     * 1e-5; an empty slot counts as forgotten. With alpha 0.005 a value seen once is forgotten about 1,240 values
     * later (4 days of 5-minute values) unless its bin recurs. Without forgetting, three early extremes would hold
     * the slots for ever and a lower level that recurs later would never be learned (it would keep alarming).
     */
    static final double FORGOTTEN = 1e-5;

    double mean;
    double variance;
    int n;
    byte bin0 = EMPTY;
    byte bin1 = EMPTY;
    byte bin2 = EMPTY;
    float mass0;
    float mass1;
    float mass2;

    /**
     * The statistic on the calibration's scale, {@code log1p(max(stat, 0))} (NaN counts as 0). An owner with
     * several calibrators computes all of them before any {@link #log10TailThenLearn} call: the logarithms are
     * independent and then run side by side, where a hard-to-predict branch in between would otherwise make each
     * one wait for the previous.
     */
    static double compress(double stat) {
        return stat > 0 ? Log1p.of(stat) : 0.0;          // log1p(0) is 0: most flat-line statistics cost nothing
    }

    /**
     * log10 of the tail probability of {@code u} (a statistic passed through {@link #compress}) under what was
     * learned, then learns it. Returns 0 while fewer than {@code warmup} statistics were learned, and also when the
     * probability is certainly above 0.25 (z <= 0.6 or an empirical tail >= 0.3): the owner only uses tail
     * probabilities below 1/4 (a Bonferroni factor of 4 makes larger ones a surprise of 0), and skipping the
     * logarithms for common values is most of the speed.
     *
     * @param rate   the learning rate and what follows from it, shared by the owner's calibrations (not stored per
     *               series)
     * @param minSd  the floor of the normal model's standard deviation
     * @param warmup statistics learned before a tail probability is reported
     */
    double log10TailThenLearn(double u, Rate rate, double minSd, int warmup) {
        double position = u / BIN_WIDTH;
        int bin = position >= LAST_BIN ? LAST_BIN : (int) position;
        double log10P = 0.0;
        if (n >= warmup) {
            double sd = Math.sqrt(variance);
            double z = (u - mean) / (sd > minSd ? sd : minSd);
            if (z > COMMON_Z) {
                log10P = log10Tail(z, position, bin, rate);
            }
        }
        if (n < Integer.MAX_VALUE) {
            n++;
        }
        double a = n >= rate.settledFrom() ? rate.alpha() : Math.max(rate.alpha(), 1.0 / n);
        double d = u - mean;
        mean += a * d;
        variance = (1.0 - a) * (variance + a * d * d);
        learnBin(bin, rate);
        return log10P;
    }

    /**
     * A learning rate and what follows from it, computed once per set of parameters and shared ({@link #of}).
     *
     * @param alpha         the forgetting weight
     * @param keep          {@code 1 - alpha}
     * @param settledFrom   the count from which the mean and variance learn with {@code alpha}
     *                      ({@link Scores#settledFrom})
     * @param saturatedFrom the count from which (1 - alpha)^count is below half an ulp of 1, so that the total mass
     *                      is exactly 1 / alpha
     * @param logKeep       {@code log1p(-alpha)}, the logarithm of {@code keep}
     * @param inverseAlpha  {@code 1 / alpha}, the total mass once saturated
     */
    record Rate(double alpha, double keep, long settledFrom, long saturatedFrom, double logKeep,
                double inverseAlpha) {
        static Rate of(double alpha) {
            double logKeep = StrictMath.log1p(-alpha);
            double steps = 54 * StrictMath.log(2.0) / -logKeep;
            return new Rate(alpha, 1.0 - alpha, Scores.settledFrom(alpha),
                    steps < Integer.MAX_VALUE ? (long) Math.ceil(steps) : Long.MAX_VALUE, logKeep, 1.0 / alpha);
        }
    }

    // The rare parts live in methods of their own so that the per-value method stays small enough for the JIT to
    // inline it into its owner.

    private void learnBin(int bin, Rate rate) {
        double keep = rate.keep();
        mass0 = (float) (mass0 * keep);
        mass1 = (float) (mass1 * keep);
        mass2 = (float) (mass2 * keep);
        if (bin == bin0) {
            mass0 += 1.0f;
        } else if (bin == bin1) {
            mass1 += 1.0f;
        } else if (bin == bin2) {
            mass2 += 1.0f;
        } else {
            // A forgotten slot goes first; else a bin above the lowest kept one takes that one's slot.
            double forgotten = FORGOTTEN * Math.min(n, rate.inverseAlpha());
            if (mass0 < forgotten || mass1 < forgotten || mass2 < forgotten) {
                take(mass0 <= mass1 && mass0 <= mass2 ? 0 : mass1 <= mass2 ? 1 : 2, (byte) bin);
            } else if (bin > bin0 || bin > bin1 || bin > bin2) {
                take(bin0 <= bin1 && bin0 <= bin2 ? 0 : bin1 <= bin2 ? 1 : 2, (byte) bin);
            }
        }
    }

    /** Puts {@code bin} with mass 1 into {@code slot}. */
    private void take(int slot, byte bin) {
        switch (slot) {
            case 0 -> {
                bin0 = bin;
                mass0 = 1.0f;
            }
            case 1 -> {
                bin1 = bin;
                mass1 = 1.0f;
            }
            default -> {
                bin2 = bin;
                mass2 = 1.0f;
            }
        }
    }

    /** The tail probability of a statistic with normal z-score {@code z > COMMON_Z} at {@code position}. */
    private double log10Tail(double z, double position, int bin, Rate rate) {
        double above = massAbove(bin0, mass0, position, bin) + massAbove(bin1, mass1, position, bin)
                + massAbove(bin2, mass2, position, bin);
        double total = totalMass(rate);
        if (above < COMMON_P * total) {
            double normal = Scores.log10UpperTail(z);
            double empirical = above > 0 ? Math.log10(above / total) : Double.NEGATIVE_INFINITY;
            return Math.min(0.0, Math.max(normal, empirical));
        }
        return 0.0;
    }

    /** The part of a slot's mass above {@code position}: all of it above u's bin, linearly within it. */
    private static double massAbove(byte slotBin, float mass, double position, int bin) {
        if (slotBin > bin) {
            return mass;
        }
        return slotBin == bin && bin < LAST_BIN ? mass * (1.0 - (position - bin)) : 0.0;
    }

    /**
     * The decayed mass of the {@code n} statistics learned, the sum of (1 - alpha)^i for i < n: 1 / alpha once
     * that is exact, else {@code -expm1(n log1p(-alpha)) / alpha} (accurate for any alpha, where
     * {@code 1 - (1 - alpha)^n} would lose a tiny alpha). StrictMath keeps it the same on every platform.
     */
    private double totalMass(Rate rate) {
        if (n >= rate.saturatedFrom() || rate.alpha() >= 1.0) {
            return rate.inverseAlpha();
        }
        return -StrictMath.expm1(n * rate.logKeep()) / rate.alpha();
    }
}
