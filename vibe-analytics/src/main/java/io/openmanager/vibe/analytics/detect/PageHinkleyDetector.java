package io.openmanager.vibe.analytics.detect;

/**
 * Two-sided Page-Hinkley test for changes of the mean, including slow drifts. Values are standardised against an
 * exponentially weighted mean and standard deviation (learning rate {@code alpha}, slow next to the test's
 * reaction); the test accumulates {@code z - mean_z - delta}
 * against the running mean since the last change and compares the distance from its running extremum with
 * {@code lambda}. Score {@code min(1, PH / lambda)}; after a declaration the test restarts.
 *
 * <p>{@link #expected()} is the reference level (the exponentially weighted mean) and the range is the reference
 * &plusmn; 3 standard deviations, as they stood before the value; a drift alarm may come while the value itself is
 * still inside the range.
 *
 * <p>Parameters (name, default): {@code delta} 0.25 (tolerated drift per value, in standard deviations),
 * {@code lambda} 30 (decision threshold, in standard deviations), {@code alpha} 0.01, {@code warmup} 30 values.
 */
public final class PageHinkleyDetector extends CenteredDetector {
    /** The registered name. */
    public static final String NAME = "page-hinkley";
    /** Default {@code delta}. */
    public static final double DEFAULT_DELTA = 0.25;
    /** Default {@code lambda}. */
    public static final double DEFAULT_LAMBDA = 30.0;
    /** Default {@code alpha}. */
    public static final double DEFAULT_ALPHA = 0.01;
    /** Default {@code warmup}. */
    public static final int DEFAULT_WARMUP = 30;

    private final double delta;
    private final double lambda;
    private final double alpha;
    private final long settledFrom;
    private final int warmup;
    private long n;
    private double ewMean;
    private double ewVariance;
    private long sinceChange;
    private double meanSinceChange;
    private double sumUp;
    private double minUp;
    private double sumDown;
    private double minDown;

    /** With the defaults. */
    public PageHinkleyDetector() {
        this(DEFAULT_DELTA, DEFAULT_LAMBDA, DEFAULT_ALPHA, DEFAULT_WARMUP);
    }

    /**
     * @param delta  tolerated drift per value in standard deviations, in [0, 1e6]
     * @param lambda decision threshold in standard deviations, in (0, 1e6]
     * @param alpha  learning rate of the scale in (0, 1]
     * @param warmup values learned before scoring, >= 2
     */
    public PageHinkleyDetector(double delta, double lambda, double alpha, int warmup) {
        this.delta = Scores.checkSigmas("delta", delta, false);
        this.lambda = Scores.checkSigmas("lambda", lambda, true);
        this.alpha = Scores.checkFraction("alpha", alpha);
        this.settledFrom = Scores.settledFrom(alpha);
        this.warmup = Scores.checkAtLeast("warmup", warmup, 2);
    }

    @Override
    protected double score(long timestampMillis, double value) {
        double score = 0.0;
        if (n >= warmup) {
            double sd = Scores.floorScale(Math.sqrt(ewVariance), ewMean);
            expect(ewMean, sd);
            double z = (value - ewMean) / sd;
            sinceChange++;
            meanSinceChange += (z - meanSinceChange) / sinceChange;
            sumUp += z - meanSinceChange - delta;
            minUp = Math.min(minUp, sumUp);
            sumDown += meanSinceChange - z - delta;
            minDown = Math.min(minDown, sumDown);
            double ph = Math.max(sumUp - minUp, sumDown - minDown);
            score = ph / lambda;
            if (ph >= lambda) {
                sinceChange = 0;
                meanSinceChange = 0.0;
                sumUp = 0.0;
                minUp = 0.0;
                sumDown = 0.0;
                minDown = 0.0;
            }
        }
        n++;
        double a = n >= settledFrom ? alpha : Math.max(alpha, 1.0 / n);
        double d = value - ewMean;
        ewMean += a * d;
        ewVariance = (1.0 - a) * (ewVariance + a * d * d);
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
        return new Snapshot(delta, lambda, alpha, warmup, n, ewMean, ewVariance, sinceChange, meanSinceChange,
                sumUp, minUp, sumDown, minDown, inputCounters());
    }

    /**
     * The state of a {@link PageHinkleyDetector}.
     *
     * @param delta           parameter
     * @param lambda          parameter
     * @param alpha           parameter
     * @param warmup          parameter
     * @param n               values learned
     * @param ewMean          exponentially weighted mean
     * @param ewVariance      exponentially weighted variance
     * @param sinceChange     values since the last declared change
     * @param meanSinceChange mean of the standardised values since then
     * @param sumUp           cumulative sum for increases
     * @param minUp           its minimum
     * @param sumDown         cumulative sum for decreases
     * @param minDown         its minimum
     * @param counters        input counters
     */
    public record Snapshot(double delta, double lambda, double alpha, int warmup, long n, double ewMean,
                           double ewVariance, long sinceChange, double meanSinceChange, double sumUp, double minUp,
                           double sumDown, double minDown, InputCounters counters) implements DetectorSnapshot {
        /**
         * Refuses a state no detector could have written (naming the field and value): parameters out of range, a
         * learned count other than the accepted one, non-finite statistics, minima above zero or above their sums,
         * a test statistic at the decision threshold (a detector restarts the test there).
         */
        public Snapshot {
            Scores.checkSigmas("delta", delta, false);
            Scores.checkSigmas("lambda", lambda, true);
            Scores.checkFraction("alpha", alpha);
            Scores.checkAtLeast("warmup", warmup, 2);
            Scores.checkCounters(counters, "n", n);
            Scores.checkLevel("ewMean", ewMean);
            Scores.checkNonNegative("ewVariance", ewVariance);
            if (sinceChange < 0 || sinceChange > n) {
                throw new IllegalArgumentException("sinceChange must be in [0, n = " + n + "]: " + sinceChange);
            }
            // A standardised value is below 1e110 in size (values within +-1e100 over a scale of at least 1e-9), so
            // its mean is too; the sums would take more values than can be counted to reach 1e200.
            checkWithin("meanSinceChange", meanSinceChange, 1e110);
            checkWithin("sumUp", sumUp, 1e200);
            checkWithin("sumDown", sumDown, 1e200);
            if (!(minUp <= 0.0 && minUp <= sumUp)) {
                throw new IllegalArgumentException("minUp must be <= 0 and <= sumUp = " + sumUp + ": " + minUp);
            }
            if (!(minDown <= 0.0 && minDown <= sumDown)) {
                throw new IllegalArgumentException("minDown must be <= 0 and <= sumDown = " + sumDown + ": "
                        + minDown);
            }
            double ph = Math.max(sumUp - minUp, sumDown - minDown);
            if (!(ph < lambda)) {
                throw new IllegalArgumentException("the test statistic max(sumUp - minUp, sumDown - minDown) must be"
                        + " below lambda = " + lambda + ": " + ph);
            }
        }

        private static void checkWithin(String name, double v, double bound) {
            if (!(Math.abs(v) <= bound)) {
                throw new IllegalArgumentException(name + " must be within +-" + bound + ": " + v);
            }
        }

        @Override
        public PageHinkleyDetector restore() {
            PageHinkleyDetector d = new PageHinkleyDetector(delta, lambda, alpha, warmup);
            d.n = n;
            d.ewMean = ewMean;
            d.ewVariance = ewVariance;
            d.sinceChange = sinceChange;
            d.meanSinceChange = meanSinceChange;
            d.sumUp = sumUp;
            d.minUp = minUp;
            d.sumDown = sumDown;
            d.minDown = minDown;
            d.restoreInputCounters(counters);
            return d;
        }
    }
}
