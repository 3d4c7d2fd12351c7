package io.openmanager.vibe.analytics.detect;

import java.util.Arrays;
import java.util.Objects;

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
 * initialise the profile and are then replayed through the model. A missing value (NaN) moves the season on by one
 * phase (while learning, the last value is buffered again in its place).
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
    /** The largest {@code learn}: 2^20 values, 8 MB buffered while learning. */
    public static final int MAX_LEARN = 1 << 20;
    static final SeasonalModel.Settings DEFAULTS = new SeasonalModel.Settings(0, DEFAULT_LEARN, DEFAULT_ALPHA,
            DEFAULT_GAMMA, DEFAULT_SCALE_ALPHA, DEFAULT_MIN_AUTOCORRELATION);

    private final SeasonalModel model;

    /** With the defaults and automatic period. */
    public SeasonalDetector() {
        this(0, DEFAULT_LEARN, DEFAULT_ALPHA, DEFAULT_GAMMA, DEFAULT_SCALE_ALPHA, DEFAULT_MIN_AUTOCORRELATION);
    }

    /**
     * @param period             season length in values, 0 to detect it, else in [1, learn / 2]
     * @param learn              values learned before scoring, in [16, {@value #MAX_LEARN}]
     * @param alpha              level smoothing in (0, 1]
     * @param gamma              seasonal smoothing in (0, 1]
     * @param scaleAlpha         residual scale smoothing in (0, 1]
     * @param minAutocorrelation autocorrelation a detected period must reach, in (0, 1]
     */
    public SeasonalDetector(int period, int learn, double alpha, double gamma, double scaleAlpha,
                            double minAutocorrelation) {
        this(settings(period, learn, alpha, gamma, scaleAlpha, minAutocorrelation));
    }

    private SeasonalDetector(SeasonalModel.Settings settings) {
        this.model = new SeasonalModel(settings);
    }

    private SeasonalDetector(SeasonalModel model) {
        this.model = model;
    }

    /** Checked parameters; the shared default instance when they are the defaults. */
    static SeasonalModel.Settings settings(int period, int learn, double alpha, double gamma, double scaleAlpha,
                                           double minAutocorrelation) {
        Scores.checkAtLeast("learn", learn, 16);
        Scores.checkAtMost("learn", learn, MAX_LEARN);
        if (period < 0 || period > learn / 2) {
            throw new IllegalArgumentException("period must be 0 (auto) or in [1, learn / 2 = " + learn / 2 + "]: "
                    + period);
        }
        SeasonalModel.Settings s = new SeasonalModel.Settings(period, learn, Scores.checkFraction("alpha", alpha),
                Scores.checkFraction("gamma", gamma), Scores.checkFraction("scaleAlpha", scaleAlpha),
                Scores.checkFraction("minAutocorrelation", minAutocorrelation));
        return s.equals(DEFAULTS) ? DEFAULTS : s;
    }

    @Override
    protected double score(long timestampMillis, double value) {
        return model.isWarm() ? Scores.fromZ(model.observe(value)) : model.observe(value);
    }

    /** A gap: the season moves on by one phase, so that it stays aligned with time. */
    @Override
    protected void missing(long timestampMillis) {
        if (inputCounters().accepted() > 0) {
            model.skip();
        }
    }

    /** The model's prediction for the last value (level plus its phase of the season); NaN while learning. */
    @Override
    public double expected() {
        return model.expected();
    }

    /** The prediction minus 3 robust scales of the residual. */
    @Override
    public double lowerBound() {
        return expected() - RANGE_SCALES * model.lastScale();
    }

    /** The prediction plus 3 robust scales of the residual. */
    @Override
    public double upperBound() {
        return expected() + RANGE_SCALES * model.lastScale();
    }

    /** The period in use: 0 while learning, 1 for a non-seasonal series. */
    public int period() {
        return model.period();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isWarm() {
        return model.isWarm();
    }

    @Override
    public Snapshot snapshot() {
        return model.snapshot(inputCounters());
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
     * @param level              level (0 while learning)
     * @param meanAbsResidual    mean absolute residual
     * @param lastExpected       expectation of the last value
     * @param counters           input counters
     */
    public record Snapshot(int givenPeriod, int learn, double alpha, double gamma, double scaleAlpha,
                           double minAutocorrelation, double[] learning, int period, double[] season, long n,
                           double level, double meanAbsResidual, double lastExpected,
                           InputCounters counters) implements DetectorSnapshot {
        /**
         * Checks that nothing is missing and copies the arrays. The state is checked against the parameters when it
         * is restored (the default detector embeds this record with counters of its own).
         */
        public Snapshot {
            learning = Objects.requireNonNull(learning, "learning").clone();
            season = Objects.requireNonNull(season, "season").clone();
            Objects.requireNonNull(counters, "counters");
            if (n < 0) {
                throw new IllegalArgumentException("n must be >= 0: " + n);
            }
            Scores.checkFinite("lastExpected", lastExpected);
        }

        @Override
        public double[] learning() {
            return learning.clone();
        }

        @Override
        public double[] season() {
            return season.clone();
        }

        /**
         * {@inheritDoc}
         *
         * @throws IllegalArgumentException if the snapshot holds a state no seasonal detector could have written,
         *                                  naming the field and value
         */
        @Override
        public SeasonalDetector restore() {
            Scores.checkCountersWithGaps(counters, "n", n);
            SeasonalModel.Settings settings = settings(givenPeriod, learn, alpha, gamma, scaleAlpha,
                    minAutocorrelation);
            SeasonalDetector d = new SeasonalDetector(SeasonalModel.restore(this, settings));
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
                    && Double.compare(lastExpected, s.lastExpected) == 0
                    && counters.equals(s.counters);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(season) * 31 + Long.hashCode(n);
        }
    }
}
