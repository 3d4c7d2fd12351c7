package io.openmanager.vibe.analytics.detect;

import java.util.Arrays;

/**
 * The additive Holt-Winters model (level and seasonal profile, no trend) of {@link SeasonalDetector}, which the
 * default detector embeds too: no input policy or counters of its own, and parameters shared through
 * {@link Settings}. The seasonal profile is kept as floats: it holds deviations from the level, which are small
 * beside it (a deviation beyond the float range, +-3.4e38, is held at its limit, so a series of such values is
 * modelled coarsely but stays finite; one below about 1e-45 vanishes, leaving a level model). While learning, the values are buffered as doubles (transient: the buffer is dropped when the model
 * has learned). With a period of p values the model takes about 70 + 4p bytes, plus 8 bytes per value of
 * {@code learn} while it learns.
 *
 * <p>{@link #observe} returns the value's residual z-score against the model, then learns the value; see
 * {@link SeasonalDetector} for the model and its parameters.
 */
final class SeasonalModel {
    private static final double CLIP = 5.0;
    private static final double MIN_PROMINENCE = 0.3;
    private static final double[] NONE = new double[0];

    /**
     * The parameters; models with the defaults share one instance ({@code SeasonalDetector.DEFAULTS}).
     *
     * @param givenPeriod        season length in values, 0 to detect it
     * @param learn              values learned before scoring
     * @param alpha              level smoothing
     * @param gamma              seasonal smoothing
     * @param scaleAlpha         residual scale smoothing
     * @param minAutocorrelation autocorrelation a detected period must reach
     */
    record Settings(int givenPeriod, int learn, double alpha, double gamma, double scaleAlpha,
                    double minAutocorrelation) {
    }

    private final Settings settings;
    private double[] buffer;
    private float[] season;
    private int period;
    // n % period, kept incrementally: a 64-bit division per value costs more than the rest of the model.
    private int phase;
    private long n;
    private double level;
    private double meanAbsResidual;
    private double lastExpected;
    // The scale the last value was scored on (NaN while learning); not part of the snapshot.
    private double lastScale = Double.NaN;

    SeasonalModel(Settings settings) {
        this.settings = settings;
        this.buffer = new double[settings.learn()];
    }

    /** Whether the model has learned and scores. */
    boolean isWarm() {
        return season != null;
    }

    /** The residual z-score of the value against the model (0 while learning), after which the model learns it. */
    double observe(double value) {
        if (season == null) {
            buffer[(int) n] = value;
            n++;
            if (n == settings.learn()) {
                initialise();
            }
            return 0.0;
        }
        double expected = level + season[phase];
        double scale = Scores.floorScale(1.2533 * meanAbsResidual, level);
        lastExpected = expected;
        lastScale = scale;
        double z = (value - expected) / scale;
        learnValue(value, expected, scale);
        return z;
    }

    /**
     * A missing value: once the model has learned, the season moves on by one phase (level and profile unchanged);
     * while it learns, the last value is buffered again in its place, so that the period it finds stays aligned
     * with time (nothing is buffered before the first value).
     */
    void skip() {
        if (season == null) {
            if (n > 0) {
                buffer[(int) n] = buffer[(int) n - 1];
                n++;
                if (n == settings.learn()) {
                    initialise();
                }
            }
            return;
        }
        n++;
        phase = phase + 1 == period ? 0 : phase + 1;
    }

    private void learnValue(double value, double expected, double scale) {
        double residual = value - expected;
        double clipped = Math.max(-CLIP * scale, Math.min(CLIP * scale, residual));
        double v = expected + clipped;
        double s = season[phase];
        double newLevel = level + settings.alpha() * (v - level - s);
        season[phase] = toFloat(s + settings.gamma() * (v - newLevel - s));
        level = newLevel;
        meanAbsResidual += settings.scaleAlpha() * (Math.abs(clipped) - meanAbsResidual);
        n++;
        phase = phase + 1 == period ? 0 : phase + 1;
    }

    /** A profile value as a float, held at the float's limits. */
    private static float toFloat(double v) {
        return (float) Math.max(-Float.MAX_VALUE, Math.min(Float.MAX_VALUE, v));
    }

    private void initialise() {
        int learn = settings.learn();
        double[] values = buffer;
        period = settings.givenPeriod() > 0 ? settings.givenPeriod()
                : detectPeriod(values, settings.minAutocorrelation());
        double mean = 0.0;
        for (double v : values) {
            mean += v;
        }
        mean /= learn;
        double[] profile = new double[period];
        int[] counts = new int[period];
        for (int i = 0; i < learn; i++) {
            profile[i % period] += values[i] - mean;
            counts[i % period]++;
        }
        season = new float[period];
        for (int p = 0; p < period; p++) {
            season[p] = toFloat(profile[p] / counts[p]);
        }
        level = mean;
        double mad = 0.0;
        for (int i = 0; i < learn; i++) {
            mad += Math.abs(values[i] - mean - season[i % period]);
        }
        meanAbsResidual = mad / learn;
        buffer = NONE;
        n = 0;
        phase = 0;
        for (double v : values) {
            learnValue(v, level + season[phase], Scores.floorScale(1.2533 * meanAbsResidual, level));
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

    /** The prediction for the last scored value; NaN while learning or before the first value after a restore. */
    double expected() {
        return Double.isNaN(lastScale) ? Double.NaN : lastExpected;
    }

    /** The robust residual scale the last value was scored on; NaN like {@link #expected()}. */
    double lastScale() {
        return lastScale;
    }

    /** The period in use: 0 while learning, 1 for a non-seasonal series. */
    int period() {
        return season != null ? period : 0;
    }

    /** The state as {@link SeasonalDetector.Snapshot} holds it (with its detector's counters). */
    SeasonalDetector.Snapshot snapshot(InputCounters counters) {
        double[] learning = season == null ? Arrays.copyOf(buffer, (int) n) : NONE;
        double[] profile = new double[season == null ? 0 : period];
        for (int p = 0; p < profile.length; p++) {
            profile[p] = season[p];
        }
        return new SeasonalDetector.Snapshot(settings.givenPeriod(), settings.learn(), settings.alpha(),
                settings.gamma(), settings.scaleAlpha(), settings.minAutocorrelation(), learning,
                season == null ? 0 : period, profile, n, season == null ? 0.0 : level, meanAbsResidual,
                lastExpected, counters);
    }

    /**
     * A model in the state of {@code s}, sharing {@code settings}.
     *
     * @throws IllegalArgumentException if the snapshot's parameters differ from {@code settings}, or its state does
     *                                  not fit them (naming the field and value)
     */
    static SeasonalModel restore(SeasonalDetector.Snapshot s, Settings settings) {
        Settings given = new Settings(s.givenPeriod(), s.learn(), s.alpha(), s.gamma(), s.scaleAlpha(),
                s.minAutocorrelation());
        if (!given.equals(settings)) {
            throw new IllegalArgumentException("seasonal parameters must be " + settings + ": " + given);
        }
        SeasonalModel m = new SeasonalModel(settings);
        if (s.season().length == 0) {
            if (s.period() != 0 || s.level() != 0.0) {
                throw new IllegalArgumentException("period and level must be 0 while learning: " + s.period() + ", "
                        + s.level());
            }
            double[] learning = s.learning();
            if (learning.length >= settings.learn() || learning.length != s.n()) {
                throw new IllegalArgumentException("learning holds " + learning.length + " values: n is " + s.n()
                        + ", and at most learn - 1 = " + (settings.learn() - 1) + " values are buffered");
            }
            for (int i = 0; i < learning.length; i++) {
                if (!(Math.abs(learning[i]) <= AbstractAnomalyDetector.MAX_MAGNITUDE)) {
                    throw new IllegalArgumentException("learning[" + i + "] must be a value a detector accepts: "
                            + learning[i]);
                }
            }
            System.arraycopy(learning, 0, m.buffer, 0, learning.length);
            m.n = s.n();
            return m;
        }
        double[] profile = s.season();
        if (s.period() != profile.length) {
            throw new IllegalArgumentException("period " + s.period() + " but season has " + profile.length
                    + " values");
        }
        if (settings.givenPeriod() != 0 && settings.givenPeriod() != s.period()) {
            throw new IllegalArgumentException("period must be the given period " + settings.givenPeriod() + ": "
                    + s.period());
        }
        for (int p = 0; p < profile.length; p++) {
            if (!(Math.abs(profile[p]) <= Float.MAX_VALUE)) {
                throw new IllegalArgumentException("season[" + p + "] must be finite, within the float range: "
                        + profile[p]);
            }
        }
        if (s.learning().length != 0) {
            throw new IllegalArgumentException("learning must be empty once the season is learned: "
                    + s.learning().length + " values");
        }
        if (s.n() < settings.learn()) {
            throw new IllegalArgumentException("n must be >= learn = " + settings.learn()
                    + " once the season is learned: " + s.n());
        }
        if (!Double.isFinite(s.level()) || !(s.meanAbsResidual() >= 0) || Double.isInfinite(s.meanAbsResidual())) {
            throw new IllegalArgumentException("level must be finite and meanAbsResidual finite and >= 0: "
                    + s.level() + ", " + s.meanAbsResidual());
        }
        m.buffer = NONE;
        m.season = new float[profile.length];
        for (int p = 0; p < profile.length; p++) {
            m.season[p] = (float) profile[p];
        }
        m.period = s.period();
        m.phase = (int) (s.n() % s.period());
        m.n = s.n();
        m.level = s.level();
        m.meanAbsResidual = s.meanAbsResidual();
        m.lastExpected = s.lastExpected();
        return m;
    }
}
