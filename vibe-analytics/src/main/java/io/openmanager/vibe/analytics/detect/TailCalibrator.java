package io.openmanager.vibe.analytics.detect;

/**
 * Maps a non-negative statistic to the log10 of an upper-tail probability under the statistic's own running
 * distribution. The statistic is log-compressed ({@code u = log1p(stat)}) and two tail models are learned with the
 * same exponential forgetting:
 * <ul>
 *   <li>an empirical one: a histogram of u (64 bins of width 0.125, the last one open), whose tail mass above u,
 *       interpolated within u's bin, divided by the total mass, is {@code p_emp};</li>
 *   <li>a normal one on the u scale (exponentially weighted mean and variance, standard deviation floored), giving
 *       {@code p_norm}, which keeps resolution beyond the largest value ever seen.</li>
 * </ul>
 * The tail probability is {@code max(p_emp, p_norm)}: a value is surprising only if it is rare in the series'
 * history and far out on its scale, so an event that recurs (a daily batch job) stops alarming. Forgetting uses a
 * growing weight for new mass (rescaled when large), and the tail mass comes from a Fenwick tree over the bins in
 * reverse order, so an update costs O(log bins). Fields are package-visible for the owner's snapshot.
 */
final class TailCalibrator {
    static final int BINS = 64;
    private static final double COMMON_Z = 0.6;
    private static final double COMMON_P = 0.3;
    private static final double BIN_WIDTH = 0.125;
    private static final double RESCALE_AT = 1e100;

    final double[] bins = new double[BINS];
    /** Fenwick tree over the bins in reverse order: prefix sums of it are tail masses (exactly 0 when empty). */
    final double[] tail = new double[BINS + 1];
    double total;
    double weight = 1.0;
    double mean;
    double variance;
    long n;
    /** From this count on the learning weight is {@code alpha}; derived, so not part of snapshots. */
    private long settledFrom = Long.MAX_VALUE;

    /**
     * log10 of the tail probability of {@code stat} under what was learned, then learns it. Returns 0 while warming
     * up, and also when the probability is certainly above 0.25 (z <= 0.6 or an empirical tail >= 0.3): the owner
     * only uses tail probabilities below 1/4 (a Bonferroni factor of 4 makes larger ones a surprise of 0), and
     * skipping the logarithms for common values is most of the speed.
     */
    double log10TailThenLearn(double stat, double alpha, double minSd, int warmup) {
        return log10TailThenLearnCompressed(compress(stat), alpha, minSd, warmup);
    }

    /**
     * The statistic on the calibration's scale, {@code log1p(max(stat, 0))} (NaN counts as 0). An owner with
     * several calibrators computes all of them before any {@link #log10TailThenLearnCompressed} call: the
     * logarithms are independent and then run side by side, where a hard-to-predict branch in between would
     * otherwise make each one wait for the previous.
     */
    static double compress(double stat) {
        return stat > 0 ? Log1p.of(stat) : 0.0;          // log1p(0) is 0: most flat-line statistics cost nothing
    }

    /** {@link #log10TailThenLearn} for a statistic already passed through {@link #compress}. */
    double log10TailThenLearnCompressed(double u, double alpha, double minSd, int warmup) {
        double position = u / BIN_WIDTH;
        int bin = position >= BINS - 1 ? BINS - 1 : (int) position;
        double log10P = 0.0;
        if (n >= warmup) {
            double sd = Math.sqrt(variance);
            double z = (u - mean) / (sd > minSd ? sd : minSd);
            if (z > COMMON_Z) {
                log10P = log10Tail(z, position, bin);
            }
        }
        n++;
        double a;
        if (n >= settledFrom) {
            a = alpha;
        } else {
            a = Math.max(alpha, 1.0 / n);
            if (a == alpha) {
                settledFrom = n;                        // 1.0 / n only shrinks: no more divisions
            }
        }
        double d = u - mean;
        mean += a * d;
        variance = (1.0 - a) * (variance + a * d * d);
        weight /= 1.0 - alpha;
        bins[bin] += weight;
        for (int i = BINS - bin; i <= BINS; i += i & -i) {
            tail[i] += weight;
        }
        total += weight;
        if (weight > RESCALE_AT) {
            rescale();
        }
        return log10P;
    }

    // The rare parts live in methods of their own so that the per-value method stays small enough for the JIT to
    // inline it into its owner.

    /** The tail probability of a statistic with normal z-score {@code z > COMMON_Z} at {@code position}. */
    private double log10Tail(double z, double position, int bin) {
        double above = tailMass(bin + 1);
        if (bin < BINS - 1) {
            above += bins[bin] * (1.0 - (position - bin));
        }
        if (above < COMMON_P * total) {
            double normal = Scores.log10UpperTail(z);
            double empirical = above > 0 ? Math.log10(above / total) : Double.NEGATIVE_INFINITY;
            return Math.min(0.0, Math.max(normal, empirical));
        }
        return 0.0;
    }

    private void rescale() {
        for (int b = 0; b < BINS; b++) {
            bins[b] /= weight;
        }
        for (int i = 1; i <= BINS; i++) {
            tail[i] /= weight;
        }
        total /= weight;
        weight = 1.0;
    }

    /** The mass of bins {@code from} .. BINS - 1. */
    private double tailMass(int from) {
        double sum = 0.0;
        for (int i = BINS - from; i > 0; i -= i & -i) {
            sum += tail[i];
        }
        return sum;
    }
}
