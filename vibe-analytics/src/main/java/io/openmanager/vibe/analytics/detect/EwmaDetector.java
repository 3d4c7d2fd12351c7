package io.openmanager.vibe.analytics.detect;

/**
 * Exponentially weighted mean and variance; the score is {@code erf(|z| / sqrt 2)} of the value's z-score against
 * the mean and variance learned from the values before it. The first values are averaged with weight
 * {@code max(alpha, 1/n)} so the estimates settle quickly.
 *
 * <p>{@link #expected()} is the mean and the range is the mean &plusmn; 3 standard deviations, as learned before the
 * value.
 *
 * <p>Parameters (name, default): {@code alpha} 0.02 (weight of a new value, in (0, 1]), {@code warmup} 30 values.
 */
public final class EwmaDetector extends CenteredDetector {
    /** The registered name. */
    public static final String NAME = "ewma";
    /** Default {@code alpha}. */
    public static final double DEFAULT_ALPHA = 0.02;
    /** Default {@code warmup}. */
    public static final int DEFAULT_WARMUP = 30;

    private final double alpha;
    private final long settledFrom;
    private final int warmup;
    private long n;
    private double mean;
    private double variance;

    /** With the defaults. */
    public EwmaDetector() {
        this(DEFAULT_ALPHA, DEFAULT_WARMUP);
    }

    /**
     * @param alpha  weight of each new value in (0, 1]
     * @param warmup values learned before scoring, >= 2
     */
    public EwmaDetector(double alpha, int warmup) {
        this.alpha = Scores.checkFraction("alpha", alpha);
        this.settledFrom = Scores.settledFrom(alpha);
        this.warmup = Scores.checkAtLeast("warmup", warmup, 2);
    }

    @Override
    protected double score(long timestampMillis, double value) {
        // Learns before scoring (against the saved estimates): then little is live across the score's logarithm.
        boolean warm = n >= warmup;
        double oldMean = mean;
        double sd = Scores.floorScale(Math.sqrt(variance), oldMean);
        n++;
        double a = n >= settledFrom ? alpha : Math.max(alpha, 1.0 / n);
        double d = value - oldMean;
        mean = oldMean + a * d;
        variance = (1.0 - a) * (variance + a * d * d);
        if (!warm) {
            return 0.0;
        }
        expect(oldMean, sd);
        return Scores.fromZ(d / sd);
    }

    /** The current mean estimate. */
    public double mean() {
        return mean;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isWarm() {
        return n >= warmup;
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot(alpha, warmup, n, mean, variance, inputCounters());
    }

    /**
     * The state of an {@link EwmaDetector}.
     *
     * @param alpha    parameter
     * @param warmup   parameter
     * @param n        values learned
     * @param mean     mean estimate
     * @param variance variance estimate
     * @param counters input counters
     */
    public record Snapshot(double alpha, int warmup, long n, double mean, double variance, InputCounters counters)
            implements DetectorSnapshot {
        /**
         * Refuses a state no detector could have written (naming the field and value): parameters out of range,
         * a learned count other than the accepted one, a non-finite mean or variance.
         */
        public Snapshot {
            Scores.checkFraction("alpha", alpha);
            Scores.checkAtLeast("warmup", warmup, 2);
            Scores.checkCounters(counters, "n", n);
            Scores.checkLevel("mean", mean);
            Scores.checkNonNegative("variance", variance);
        }

        @Override
        public EwmaDetector restore() {
            EwmaDetector d = new EwmaDetector(alpha, warmup);
            d.n = n;
            d.mean = mean;
            d.variance = variance;
            d.restoreInputCounters(counters);
            return d;
        }
    }
}
