package io.openmanager.vibe.analytics.detect;

import java.util.Arrays;

/**
 * Seasonal residual: a Holt-Winters additive model (level and seasonal profile, no trend) predicts each value; the
 * residual is scored on a robust scale (1.2533 times the exponentially weighted mean absolute residual, which equals
 * the standard deviation for normal residuals) with {@code erf(|z| / sqrt 2)}. It catches a value that is normal for
 * the series overall but wrong for its time of day, which a plain z-score misses.
 *
 * <p>The period is given or, with {@code period = 0}, detected after {@code learn} values: the lag in
 * [2, learn / 2] with the highest autocorrelation that is a local peak, if it reaches {@code minAutocorrelation};
 * otherwise the series is treated as non-seasonal (period 1). Model updates use the residual clipped at 5 scales so
 * a spike does not imprint itself on the profile. Warm-up: the {@code learn} values (scores 0 meanwhile), which
 * initialise the profile and are then replayed through the model.
 *
 * <p>Parameters (name, default): {@code period} 0 (auto), {@code learn} 600 values, {@code alpha} 0.05 (level),
 * {@code gamma} 0.1 (season), {@code scaleAlpha} 0.01 (residual scale), {@code minAutocorrelation} 0.3.
 */
public final class SeasonalDetector extends AbstractAnomalyDetector {
    /** The registered name. */
    public static final String NAME = "seasonal";
    /** Default {@code learn}. */
    public static final int DEFAULT_LEARN = 600;
    /** Default {@code alpha}. */
    public static final double DEFAULT_ALPHA = 0.05;
    /** Default {@code gamma}. */
    public static final double DEFAULT_GAMMA = 0.1;
    /** Default {@code scaleAlpha}. */
    public static final double DEFAULT_SCALE_ALPHA = 0.01;
    /** Default {@code minAutocorrelation}. */
    public static final double DEFAULT_MIN_AUTOCORRELATION = 0.3;
    private static final double CLIP = 5.0;
    private static final double MIN_PROMINENCE = 0.3;

    private final int givenPeriod;
    private final int learn;
    private final double alpha;
    private final double gamma;
    private final double scaleAlpha;
    private final double minAutocorrelation;
    private double[] buffer;
    private double[] season;
    private int period;
    // n % period, kept incrementally: a 64-bit division per value costs more than the rest of the model.
    private int phase;
    private long n;
    private double level;
    private double meanAbsResidual;
    private double lastZ;
    private double lastExpected;
    // The scale the last value was scored on (NaN while learning); not part of the snapshot.
    private double lastScale = Double.NaN;

    /** With the defaults and automatic period. */
    public SeasonalDetector() {
        this(0, DEFAULT_LEARN, DEFAULT_ALPHA, DEFAULT_GAMMA, DEFAULT_SCALE_ALPHA, DEFAULT_MIN_AUTOCORRELATION);
    }

    /**
     * @param period             season length in values, 0 to detect it, else in [1, learn / 2]
     * @param learn              values learned before scoring, >= 16
     * @param alpha              level smoothing in (0, 1]
     * @param gamma              seasonal smoothing in (0, 1]
     * @param scaleAlpha         residual scale smoothing in (0, 1]
     * @param minAutocorrelation autocorrelation a detected period must reach, in (0, 1]
     */
    public SeasonalDetector(int period, int learn, double alpha, double gamma, double scaleAlpha,
                            double minAutocorrelation) {
        this.learn = Scores.checkAtLeast("learn", learn, 16);
        if (period < 0 || period > learn / 2) {
            throw new IllegalArgumentException("period must be 0 (auto) or in [1, learn / 2 = " + learn / 2 + "]: "
                    + period);
        }
        this.givenPeriod = period;
        this.alpha = Scores.checkFraction("alpha", alpha);
        this.gamma = Scores.checkFraction("gamma", gamma);
        this.scaleAlpha = Scores.checkFraction("scaleAlpha", scaleAlpha);
        this.minAutocorrelation = Scores.checkFraction("minAutocorrelation", minAutocorrelation);
        this.buffer = new double[learn];
    }

    @Override
    protected double score(long timestampMillis, double value) {
        if (n < learn) {
            buffer[(int) n] = value;
            n++;
            if (n == learn) {
                initialise();
            }
            lastZ = 0.0;
            return 0.0;
        }
        residualThenLearn(value);
        return Scores.fromZ(lastZ);
    }

    /**
     * Learns a value like {@link #update} but without mapping its z-score to a score, for an owner that only reads
     * {@link #lastZ()} (the default detector): same input policy, same state afterwards.
     */
    void observe(long timestampMillis, double value) {
        if (!accept(timestampMillis, value)) {
            return;
        }
        if (n < learn) {
            score(timestampMillis, value);
            return;
        }
        residualThenLearn(value);
    }

    /** The z-score of the last accepted value (0 while learning). */
    double lastZ() {
        return lastZ;
    }

    /** The expectation for the last accepted value. */
    double lastExpected() {
        return lastExpected;
    }

    /** Scores the value's residual (into lastZ) against the model, then learns it. */
    private void residualThenLearn(double value) {
        double expected = level + season[phase];
        double scale = Scores.floorScale(1.2533 * meanAbsResidual, level);
        lastExpected = expected;
        lastScale = scale;
        lastZ = (value - expected) / scale;
        learnValue(value, expected, scale);
    }

    private void learnValue(double value) {
        learnValue(value, level + season[phase], Scores.floorScale(1.2533 * meanAbsResidual, level));
    }

    private void learnValue(double value, double expected, double scale) {
        double residual = value - expected;
        double clipped = Math.max(-CLIP * scale, Math.min(CLIP * scale, residual));
        double v = expected + clipped;
        double newLevel = level + alpha * (v - level - season[phase]);
        season[phase] = season[phase] + gamma * (v - newLevel - season[phase]);
        level = newLevel;
        meanAbsResidual += scaleAlpha * (Math.abs(clipped) - meanAbsResidual);
        n++;
        phase = phase + 1 == period ? 0 : phase + 1;
    }

    private void initialise() {
        period = givenPeriod > 0 ? givenPeriod : detectPeriod(buffer, minAutocorrelation);
        season = new double[period];
        double mean = 0.0;
        for (double v : buffer) {
            mean += v;
        }
        mean /= learn;
        int[] counts = new int[period];
        for (int i = 0; i < learn; i++) {
            season[i % period] += buffer[i] - mean;
            counts[i % period]++;
        }
        for (int p = 0; p < period; p++) {
            season[p] /= counts[p];
        }
        level = mean;
        double mad = 0.0;
        for (int i = 0; i < learn; i++) {
            mad += Math.abs(buffer[i] - mean - season[i % period]);
        }
        meanAbsResidual = mad / learn;
        double[] replay = buffer;
        buffer = new double[0];
        n = 0;
        phase = 0;
        for (double v : replay) {
            learnValue(v);
        }
    }

    /** The period with the highest autocorrelation peak, or 1. */
    static int detectPeriod(double[] x, double minAutocorrelation) {
        int len = x.length;
        double mean = 0.0;
        for (double v : x) {
            mean += v;
        }
        mean /= len;
        double var = 0.0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        if (var <= 0.0) {
            return 1;
        }
        int maxLag = len / 2;
        double[] acf = new double[maxLag + 2];
        for (int lag = 1; lag <= maxLag + 1 && lag < len; lag++) {
            double s = 0.0;
            for (int i = lag; i < len; i++) {
                s += (x[i] - mean) * (x[i - lag] - mean);
            }
            acf[lag] = s / var;
        }
        int best = 1;
        double bestAcf = minAutocorrelation;
        double lowest = acf[1];
        for (int lag = 2; lag <= maxLag; lag++) {
            lowest = Math.min(lowest, acf[lag]);
            if (acf[lag] >= bestAcf && acf[lag] > acf[lag - 1] && acf[lag] >= acf[lag + 1]
                    && acf[lag] - lowest >= MIN_PROMINENCE) {
                best = lag;
                bestAcf = acf[lag];
            }
        }
        return best;
    }

    /** The model's prediction for the last value (level plus its phase of the season); NaN while learning. */
    @Override
    public double expected() {
        return Double.isNaN(lastScale) ? Double.NaN : lastExpected;
    }

    /** The prediction minus 3 robust scales of the residual. */
    @Override
    public double lowerBound() {
        return expected() - RANGE_SCALES * lastScale;
    }

    /** The prediction plus 3 robust scales of the residual. */
    @Override
    public double upperBound() {
        return expected() + RANGE_SCALES * lastScale;
    }

    /** The period in use: 0 while learning, 1 for a non-seasonal series. */
    public int period() {
        return season != null ? period : 0;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isWarm() {
        return season != null;
    }

    @Override
    public Snapshot snapshot() {
        double[] learning = season == null ? Arrays.copyOf(buffer, (int) n) : new double[0];
        return new Snapshot(givenPeriod, learn, alpha, gamma, scaleAlpha, minAutocorrelation, learning,
                season == null ? 0 : period, season == null ? new double[0] : season.clone(), n, level,
                meanAbsResidual, lastZ, lastExpected, inputCounters());
    }

    /**
     * The state of a {@link SeasonalDetector}.
     *
     * @param givenPeriod        parameter {@code period}
     * @param learn              parameter
     * @param alpha              parameter
     * @param gamma              parameter
     * @param scaleAlpha         parameter
     * @param minAutocorrelation parameter
     * @param learning           values buffered while learning (empty afterwards)
     * @param period             the period in use (0 while learning)
     * @param season             the seasonal profile (empty while learning)
     * @param n                  values seen by the model
     * @param level              level
     * @param meanAbsResidual    mean absolute residual
     * @param lastZ              z-score of the last value
     * @param lastExpected       expectation of the last value
     * @param counters           input counters
     */
    public record Snapshot(int givenPeriod, int learn, double alpha, double gamma, double scaleAlpha,
                           double minAutocorrelation, double[] learning, int period, double[] season, long n,
                           double level, double meanAbsResidual, double lastZ, double lastExpected,
                           InputCounters counters) implements DetectorSnapshot {
        /** Copies the arrays. */
        public Snapshot {
            learning = learning.clone();
            season = season.clone();
        }

        @Override
        public double[] learning() {
            return learning.clone();
        }

        @Override
        public double[] season() {
            return season.clone();
        }

        @Override
        public SeasonalDetector restore() {
            SeasonalDetector d = new SeasonalDetector(givenPeriod, learn, alpha, gamma, scaleAlpha,
                    minAutocorrelation);
            if (season.length == 0) {
                System.arraycopy(learning, 0, d.buffer, 0, learning.length);
            } else {
                d.buffer = new double[0];
                d.season = season.clone();
                d.period = period;
                d.phase = (int) (n % period);
            }
            d.n = n;
            d.level = level;
            d.meanAbsResidual = meanAbsResidual;
            d.lastZ = lastZ;
            d.lastExpected = lastExpected;
            d.restoreInputCounters(counters);
            return d;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Snapshot)) {
                return false;
            }
            Snapshot s = (Snapshot) o;
            return givenPeriod == s.givenPeriod && learn == s.learn && alpha == s.alpha && gamma == s.gamma
                    && scaleAlpha == s.scaleAlpha && minAutocorrelation == s.minAutocorrelation
                    && Arrays.equals(learning, s.learning) && period == s.period && Arrays.equals(season, s.season)
                    && n == s.n && Double.compare(level, s.level) == 0
                    && Double.compare(meanAbsResidual, s.meanAbsResidual) == 0
                    && Double.compare(lastZ, s.lastZ) == 0 && Double.compare(lastExpected, s.lastExpected) == 0
                    && counters.equals(s.counters);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(season) * 31 + Long.hashCode(n);
        }
    }
}
