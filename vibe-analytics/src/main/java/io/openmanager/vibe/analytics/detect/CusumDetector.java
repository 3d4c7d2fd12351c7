package io.openmanager.vibe.analytics.detect;

/**
 * Two-sided CUSUM for level shifts. Values are standardised against a slowly learned reference mean and standard
 * deviation (exponential weighting, {@code alpha}); the upper and lower sums accumulate {@code z - k} and
 * {@code -z - k}, floored at 0. The score is {@code min(1, max(S+, S-) / h)}: 1 means a change was declared. After
 * a declaration both sums restart at 0 and the reference mean jumps to the value, so one shift gives one alarm.
 *
 * <p>{@link #expected()} is the reference level and the range is the reference &plusmn; 3 reference standard
 * deviations, as they stood before the value (an alarm usually comes from many values a little off the reference,
 * so the value itself may lie inside the range).
 *
 * <p>Parameters (name, default): {@code k} 0.5 (slack, in standard deviations), {@code h} 8 (decision threshold,
 * in standard deviations), {@code alpha} 0.01 (reference learning rate), {@code warmup} 30 values.
 */
public final class CusumDetector extends CenteredDetector {
    /** The registered name. */
    public static final String NAME = "cusum";
    /** Default {@code k}. */
    public static final double DEFAULT_K = 0.5;
    /** Default {@code h}. */
    public static final double DEFAULT_H = 8.0;
    /** Default {@code alpha}. */
    public static final double DEFAULT_ALPHA = 0.01;
    /** Default {@code warmup}. */
    public static final int DEFAULT_WARMUP = 30;

    private final double k;
    private final double h;
    private final double alpha;
    private final long settledFrom;
    private final int warmup;
    private long n;
    private double mean;
    private double variance;
    private double upper;
    private double lower;

    /** With the defaults. */
    public CusumDetector() {
        this(DEFAULT_K, DEFAULT_H, DEFAULT_ALPHA, DEFAULT_WARMUP);
    }

    /**
     * @param k      slack in standard deviations, in [0, 1e6]
     * @param h      decision threshold in standard deviations, in (0, 1e6]
     * @param alpha  reference learning rate in (0, 1]
     * @param warmup values learned before scoring, >= 2
     */
    public CusumDetector(double k, double h, double alpha, int warmup) {
        this.k = Scores.checkSigmas("k", k, false);
        this.h = Scores.checkSigmas("h", h, true);
        this.alpha = Scores.checkFraction("alpha", alpha);
        this.settledFrom = Scores.settledFrom(alpha);
        this.warmup = Scores.checkAtLeast("warmup", warmup, 2);
    }

    @Override
    protected double score(long timestampMillis, double value) {
        double score = 0.0;
        if (n >= warmup) {
            double sd = Scores.floorScale(Math.sqrt(variance), mean);
            expect(mean, sd);
            double z = (value - mean) / sd;
            upper = Math.max(0.0, upper + z - k);
            lower = Math.max(0.0, lower - z - k);
            double s = Math.max(upper, lower);
            score = s / h;
            if (s >= h) {
                upper = 0.0;
                lower = 0.0;
                mean = value;
            }
        }
        n++;
        double a = n >= settledFrom ? alpha : Math.max(alpha, 1.0 / n);
        double d = value - mean;
        mean += a * d;
        variance = (1.0 - a) * (variance + a * d * d);
        return score;
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
        return new Snapshot(k, h, alpha, warmup, n, mean, variance, upper, lower, inputCounters());
    }

    /**
     * The state of a {@link CusumDetector}.
     *
     * @param k        parameter
     * @param h        parameter
     * @param alpha    parameter
     * @param warmup   parameter
     * @param n        values learned
     * @param mean     reference mean
     * @param variance reference variance
     * @param upper    upper sum
     * @param lower    lower sum
     * @param counters input counters
     */
    public record Snapshot(double k, double h, double alpha, int warmup, long n, double mean, double variance,
                           double upper, double lower, InputCounters counters) implements DetectorSnapshot {
        /**
         * Refuses a state no detector could have written (naming the field and value): parameters out of range, a
         * learned count other than the accepted one, a non-finite reference, sums that are negative or at the
         * decision threshold (a detector restarts them there).
         */
        public Snapshot {
            Scores.checkSigmas("k", k, false);
            Scores.checkSigmas("h", h, true);
            Scores.checkFraction("alpha", alpha);
            Scores.checkAtLeast("warmup", warmup, 2);
            Scores.checkCounters(counters, "n", n);
            Scores.checkLevel("mean", mean);
            Scores.checkNonNegative("variance", variance);
            if (!(upper >= 0.0 && upper < h)) {
                throw new IllegalArgumentException("upper must be in [0, h = " + h + "): " + upper);
            }
            if (!(lower >= 0.0 && lower < h)) {
                throw new IllegalArgumentException("lower must be in [0, h = " + h + "): " + lower);
            }
        }

        @Override
        public CusumDetector restore() {
            CusumDetector d = new CusumDetector(k, h, alpha, warmup);
            d.n = n;
            d.mean = mean;
            d.variance = variance;
            d.upper = upper;
            d.lower = lower;
            d.restoreInputCounters(counters);
            return d;
        }
    }
}
