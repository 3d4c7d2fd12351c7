package io.openmanager.vibe.analytics.detect;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The default detector: several views of the series, each calibrated against its own history, combined into one
 * probability-like score, with repeated alarms for one event suppressed. Same defaults for every series.
 *
 * <h2>Components (all causal, each a statistic >= 0)</h2>
 * <ul>
 *   <li><b>level shift</b>: a short exponential mean (weight 0.25) against a slow one (weight {@code 1 / window}),
 *       in scales of 1.2533 times the slow mean absolute deviation (the standard deviation for normal data);</li>
 *   <li><b>variance change</b>: the short (weight 0.1) mean absolute difference between consecutive values against
 *       the long (weight 0.002) one;</li>
 *   <li><b>flat-line</b>: the length of the current run of unchanged values relative to the longest earlier run;</li>
 *   <li><b>spikes, dips and broken seasonality</b>: the residual z-score of a {@link SeasonalDetector} with its
 *       defaults (automatic period, 600 values to learn; without a period it is a robust level model). This
 *       component joins once the seasonal model has learned.</li>
 * </ul>
 * A sliding-window spike z-score was tried as a fifth component and lowered the NAB score (it duplicates the
 * seasonal residual and alarms on normal daily peaks), so it is not part of the ensemble; a sliding-window median
 * and IQR as the level reference scored 60.16 against 60.52 for the exponential one (both measured with the
 * earlier 64-bin calibration), at several times the cost.
 *
 * <h2>Calibration</h2>
 * Each statistic goes through its own running tail model ({@code TailCalibrator}: the three highest occupied bins
 * of an exponentially forgetting histogram of {@code log1p(stat)}, and a normal law on the same scale, learning rate
 * {@code calibrationAlpha}; the tail probability is the larger of the two), giving {@code p_i}. The combined tail
 * probability is {@code p = min(1, 4 * min_i p_i)} (Bonferroni over the four components). With the surprise
 * {@code S = -log10 p}, the score is {@code S / (S + 12)}: 0.5 means a one-in-10^12 event under what the detector
 * has learned for this series, whatever its units and noise, so scores mean the same across series and never
 * saturate (the ranking of very rare events is kept).
 *
 * <h2>Suppression</h2>
 * One event should raise one alarm: a score that does not exceed 1.1 times the highest score of the previous
 * {@code suppression} values is multiplied by {@code suppressionFactor}. A new, clearly stronger event still
 * scores fully. The window keeps at most six falling steps of raw scores above 0.1 ({@code RecentMax}).
 *
 * <h2>Memory</h2>
 * 520 bytes per series without a season on a 64-bit JVM with compressed references, plus 4 bytes per value of a
 * detected season's period (about 1 KB for a period of 126 values), and 4.8 KB more while the seasonal model learns
 * its first 600 values ({@code DetectorMemory} in vibe-benchmarks measures it as a heap delta, {@code DetectorLayout}
 * object by object: 348 of the 520 bytes are data, the rest object headers, references and padding). Detectors with
 * the default parameters share one parameter object; the seasonal profile and the calibrations' bin masses are
 * floats.
 *
 * <h2>Expectation</h2>
 * {@link #expected()} and its range come from the seasonal component once it has learned (its prediction
 * &plusmn; 3 robust residual scales), and before that from the level reference (the slow mean &plusmn; 3 times
 * 1.2533 mean absolute deviations). An alarm from the level-shift, variance or flat-line component can come while
 * the value itself is inside that range.
 *
 * <p>Warm-up: a calibration reports nothing until it has learned {@code warmup} statistics, so the detector scores
 * 0 for the first {@code 8 + warmup} values (and the seasonal component for its first 600 + {@code warmup}).
 * Parameters (name, default): {@code window} 256, {@code warmup} 300, {@code calibrationAlpha} 0.005,
 * {@code suppression} 300 values, {@code suppressionFactor} 0.25.
 */
public final class DefaultDetector extends AbstractAnomalyDetector {
    /** The registered name. */
    public static final String NAME = "default";
    /** Default {@code window}. */
    public static final int DEFAULT_WINDOW = 256;
    /** Default {@code warmup}. */
    public static final int DEFAULT_WARMUP = 300;
    /** Default {@code calibrationAlpha}. */
    public static final double DEFAULT_CALIBRATION_ALPHA = 0.005;
    /** Default {@code suppression}. */
    public static final int DEFAULT_SUPPRESSION = 300;
    /** Default {@code suppressionFactor}. */
    public static final double DEFAULT_SUPPRESSION_FACTOR = 0.25;
    /** The largest {@code suppression}: the suppression window counts values modulo 2^32. */
    public static final int MAX_SUPPRESSION = 1 << 30;

    // TailCalibrator returns 0 for tail probabilities above 1/4 without computing them: exact only while the
    // Bonferroni factor COMPONENTS is at most 4.
    static final int COMPONENTS = 4;
    private static final int MIN_WINDOW = 8;
    private static final double MIN_SD = 0.05;
    private static final double FLAT_MIN_SD = 0.5;
    private static final double LOG10_COMPONENTS = Math.log10(COMPONENTS);
    private static final double HALF_SURPRISE = 12.0;
    private static final double REPEAT_RATIO = 1.1;
    private static final double SHORT_ALPHA = 0.25;
    private static final double DIFF_SHORT_ALPHA = 0.1;
    private static final double DIFF_LONG_ALPHA = 0.002;
    private static final long DIFF_LONG_SETTLED = Scores.settledFrom(DIFF_LONG_ALPHA);
    private static final Settings DEFAULTS = new Settings(DEFAULT_WINDOW, DEFAULT_WARMUP, DEFAULT_CALIBRATION_ALPHA,
            DEFAULT_SUPPRESSION, DEFAULT_SUPPRESSION_FACTOR);

    /** The parameters and what follows from them; detectors with the defaults share one instance. */
    private record Settings(int window, int warmup, double calibrationAlpha, int suppression,
                            double suppressionFactor, double centerAlpha, TailCalibrator.Rate calibrationRate) {
        Settings(int window, int warmup, double calibrationAlpha, int suppression, double suppressionFactor) {
            this(window, warmup, calibrationAlpha, suppression, suppressionFactor, 1.0 / window,
                    TailCalibrator.Rate.of(calibrationAlpha));
        }
    }

    // Per-series state only: the parameters are shared. The statistics stay doubles: each is updated once per value
    // from its previous value, and float conversions on that chain cost about a fifth of the detector's speed.
    private final Settings settings;
    private SeasonalModel seasonal;
    private final TailCalibrator level = new TailCalibrator();
    private final TailCalibrator variance = new TailCalibrator();
    private final TailCalibrator flat = new TailCalibrator();
    private final TailCalibrator seasonalTail = new TailCalibrator();
    private final RecentMax recent;
    private long n;
    private double previous;
    private double shortMean;
    // The level reference: it learns each value at the start of the next update, so that between updates it is the
    // reference the last value was compared with, which expected() reports.
    private double center;
    private double meanAbsDeviation;
    private double diffShort;
    private double diffLong;
    private int flatRun;
    private int longestRun;

    /** With the defaults. */
    public DefaultDetector() {
        this(DEFAULTS);
    }

    /**
     * @param window            horizon in values of the slow level reference (weight 1 / window), >= 8
     * @param warmup            statistics each calibration learns before it can report surprise, >= 1
     * @param calibrationAlpha  learning rate of the calibration in (0, 1]
     * @param suppression       values after a score during which lower or equal scores are damped, in [1, 2^30]
     * @param suppressionFactor the damping factor in [0, 1]
     */
    public DefaultDetector(int window, int warmup, double calibrationAlpha, int suppression,
                           double suppressionFactor) {
        this(settings(window, warmup, calibrationAlpha, suppression, suppressionFactor));
    }

    private DefaultDetector(Settings settings) {
        this.settings = settings;
        this.seasonal = new SeasonalModel(SeasonalDetector.DEFAULTS);
        this.recent = new RecentMax(settings.suppression());
    }

    private static Settings settings(int window, int warmup, double calibrationAlpha, int suppression,
                                     double suppressionFactor) {
        Scores.checkAtLeast("window", window, MIN_WINDOW);
        Scores.checkAtLeast("warmup", warmup, 1);
        Scores.checkFraction("calibrationAlpha", calibrationAlpha);
        Scores.checkAtLeast("suppression", suppression, 1);
        if (suppression > MAX_SUPPRESSION) {
            throw new IllegalArgumentException("suppression must be <= " + MAX_SUPPRESSION + ": " + suppression);
        }
        if (!(suppressionFactor >= 0.0 && suppressionFactor <= 1.0)) {
            throw new IllegalArgumentException("suppressionFactor must be in [0, 1]: " + suppressionFactor);
        }
        Settings s = new Settings(window, warmup, calibrationAlpha, suppression, suppressionFactor);
        return s.equals(DEFAULTS) ? DEFAULTS : s;
    }

    @Override
    protected double score(long timestampMillis, double value) {
        Settings p = settings;
        double raw = 0.0;
        if (n > 0) {
            learnLevelReference(previous);
            double diff = Math.abs(value - previous);
            boolean unchanged = diff <= 1e-12 * Math.abs(value);
            shortMean += SHORT_ALPHA * (value - shortMean);
            // The components are independent: the seasonal model learns first, and every statistic is compressed
            // (a logarithm each) before any calibration branches on one, so the logarithms overlap.
            double z = seasonal.observe(value);
            boolean seasonalReady = seasonal.isWarm();
            boolean levelsReady = n >= MIN_WINDOW;
            double uLevel = 0.0;
            double uVariance = 0.0;
            double uFlat = 0.0;
            double uSeasonal = 0.0;
            if (levelsReady) {
                uLevel = TailCalibrator.compress(Math.abs(shortMean - center) / levelScale());
                uVariance = TailCalibrator.compress(diffShort / Scores.floorScale(diffLong, center));
                uFlat = unchanged ? TailCalibrator.compress((flatRun + 1.0) / (longestRun + 1.0)) : 0.0;
            }
            if (seasonalReady) {
                uSeasonal = TailCalibrator.compress(Math.abs(z));
            }
            TailCalibrator.Rate rate = p.calibrationRate();
            int warmup = p.warmup();
            double minLog10P = 0.0;
            if (levelsReady) {
                minLog10P = Math.min(minLog10P, level.log10TailThenLearn(uLevel, rate, MIN_SD, warmup));
                minLog10P = Math.min(minLog10P, variance.log10TailThenLearn(uVariance, rate, MIN_SD,
                        warmup));
                minLog10P = Math.min(minLog10P, flat.log10TailThenLearn(uFlat, rate, FLAT_MIN_SD,
                        warmup));
            }
            if (seasonalReady) {
                minLog10P = Math.min(minLog10P, seasonalTail.log10TailThenLearn(uSeasonal, rate, MIN_SD,
                        warmup));
            }
            double surprise = -Math.min(0.0, LOG10_COMPONENTS + minLog10P);
            raw = surprise / (surprise + HALF_SURPRISE);
            diffShort += DIFF_SHORT_ALPHA * (diff - diffShort);
            diffLong += (n >= DIFF_LONG_SETTLED ? DIFF_LONG_ALPHA : Math.max(DIFF_LONG_ALPHA, 1.0 / n))
                    * (diff - diffLong);
            if (unchanged) {
                if (flatRun < Integer.MAX_VALUE) {
                    flatRun++;
                }
            } else {
                longestRun = Math.max(longestRun, flatRun);
                flatRun = 0;
            }
        } else {
            shortMean = value;
            seasonal.observe(value);
        }
        double out = raw > REPEAT_RATIO * recent.max() ? raw : raw * p.suppressionFactor();
        recent.add(raw);
        previous = value;
        n++;
        return out;
    }

    /** The level reference learns a value: weight 1 / window, and 1 / count before that. */
    private void learnLevelReference(double value) {
        double a = n >= settings.window() ? settings.centerAlpha() : Math.max(settings.centerAlpha(), 1.0 / n);
        double deviation = value - center;
        meanAbsDeviation += a * (Math.abs(deviation) - meanAbsDeviation);
        center += a * deviation;
    }

    /** The level reference's scale: 1.2533 mean absolute deviations (the standard deviation for normal data). */
    private double levelScale() {
        return Scores.floorScale(1.2533 * meanAbsDeviation, center);
    }

    /**
     * The seasonal component's prediction for the last value once it has learned, else the level reference (the
     * slow exponential mean); NaN for the first 9 values, and after a restore from a snapshot whose seasonal
     * component had learned, until the next value.
     */
    @Override
    public double expected() {
        if (seasonal.isWarm()) {
            return seasonal.expected();
        }
        return n > MIN_WINDOW ? center : Double.NaN;
    }

    /**
     * The seasonal range once it has learned, else the level reference minus 3 of its scales; NaN when
     * {@link #expected()} is.
     */
    @Override
    public double lowerBound() {
        return seasonal.isWarm() ? seasonal.expected() - RANGE_SCALES * seasonal.lastScale()
                : expected() - RANGE_SCALES * levelScale();
    }

    /**
     * The seasonal range once it has learned, else the level reference plus 3 of its scales; NaN when
     * {@link #expected()} is.
     */
    @Override
    public double upperBound() {
        return seasonal.isWarm() ? seasonal.expected() + RANGE_SCALES * seasonal.lastScale()
                : expected() + RANGE_SCALES * levelScale();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isWarm() {
        return n >= MIN_WINDOW + settings.warmup();
    }

    @Override
    public Snapshot snapshot() {
        Settings p = settings;
        return new Snapshot(p.window(), p.warmup(), p.calibrationAlpha(), p.suppression(), p.suppressionFactor(),
                center, meanAbsDeviation, seasonal.snapshot(InputCounters.NONE),
                List.of(Calibration.of(level), Calibration.of(variance), Calibration.of(flat),
                        Calibration.of(seasonalTail)),
                recent.entries(), recent.count(), n, previous, shortMean, diffShort, diffLong, flatRun, longestRun,
                inputCounters());
    }

    /**
     * One component's calibration (see {@link DefaultDetector}: the top of a histogram of its compressed statistic
     * and a normal law on the same scale).
     *
     * @param mean     exponentially weighted mean of the compressed statistic
     * @param variance its exponentially weighted variance
     * @param count    statistics learned (saturating at {@code Integer.MAX_VALUE})
     * @param bins     the highest occupied histogram bins (width 0.125; -1 for an unused slot), three of them
     * @param masses   their decayed masses
     */
    public record Calibration(double mean, double variance, int count, int[] bins, double[] masses) {
        /** Checks the shape and copies the arrays. */
        public Calibration {
            Objects.requireNonNull(bins, "bins");
            Objects.requireNonNull(masses, "masses");
            if (bins.length != TailCalibrator.SLOTS || masses.length != TailCalibrator.SLOTS) {
                throw new IllegalArgumentException("a calibration keeps " + TailCalibrator.SLOTS
                        + " bins and masses: " + bins.length + " and " + masses.length);
            }
            for (int i = 0; i < TailCalibrator.SLOTS; i++) {
                int b = bins[i];
                if (b < TailCalibrator.EMPTY || b > Byte.MAX_VALUE) {
                    throw new IllegalArgumentException("calibration bins[" + i + "] must be in [-1, 127]: " + b);
                }
                for (int j = 0; j < i; j++) {
                    if (b != TailCalibrator.EMPTY && bins[j] == b) {
                        throw new IllegalArgumentException("calibration bins must differ: bins[" + j + "] and bins["
                                + i + "] are both " + b);
                    }
                }
                double m = masses[i];
                if (!(m >= 0.0 && m <= Float.MAX_VALUE) || b == TailCalibrator.EMPTY && m != 0.0) {
                    throw new IllegalArgumentException("calibration masses[" + i + "] must be finite and >= 0 (0 for"
                            + " an unused slot): " + m);
                }
            }
            if (count < 0) {
                throw new IllegalArgumentException("calibration count must be >= 0: " + count);
            }
            if (!Double.isFinite(mean) || !(variance >= 0.0) || Double.isInfinite(variance)) {
                throw new IllegalArgumentException("calibration mean must be finite and variance finite and >= 0: "
                        + mean + ", " + variance);
            }
            bins = bins.clone();
            masses = masses.clone();
        }

        @Override
        public int[] bins() {
            return bins.clone();
        }

        @Override
        public double[] masses() {
            return masses.clone();
        }

        static Calibration of(TailCalibrator c) {
            return new Calibration(c.mean, c.variance, c.n, new int[] {c.bin0, c.bin1, c.bin2},
                    new double[] {c.mass0, c.mass1, c.mass2});
        }

        void restoreInto(TailCalibrator c) {
            c.mean = mean;
            c.variance = variance;
            c.n = count;
            c.bin0 = (byte) bins[0];
            c.bin1 = (byte) bins[1];
            c.bin2 = (byte) bins[2];
            c.mass0 = (float) masses[0];
            c.mass1 = (float) masses[1];
            c.mass2 = (float) masses[2];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Calibration c && Double.compare(mean, c.mean) == 0
                    && Double.compare(variance, c.variance) == 0 && count == c.count
                    && Arrays.equals(bins, c.bins) && Arrays.equals(masses, c.masses);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bins) * 31 + count;
        }
    }

    /**
     * The state of a {@link DefaultDetector}.
     *
     * @param window            parameter
     * @param warmup            parameter
     * @param calibrationAlpha  parameter
     * @param suppression       parameter
     * @param suppressionFactor parameter
     * @param center            the level reference (exponentially weighted mean) before the last value
     * @param meanAbsDeviation  the exponentially weighted mean absolute deviation from it
     * @param seasonal          the seasonal component (its counters are unused)
     * @param calibrations      the calibrations of the level, variance, flat-line and seasonal components
     * @param suppressionWindow the suppression window's kept raw scores, oldest first: each the value's index (the
     *                          count of values before it, modulo 2^32) in the high 32 bits and the score's float
     *                          bits in the low 32
     * @param suppressionCount  raw scores added to the suppression window, modulo 2^32
     * @param n                 values learned
     * @param previous          the previous value
     * @param shortMean         short exponential mean
     * @param diffShort         short mean absolute difference
     * @param diffLong          long mean absolute difference
     * @param flatRun           current run of unchanged values
     * @param longestRun        longest finished run of unchanged values
     * @param counters          input counters
     */
    public record Snapshot(int window, int warmup, double calibrationAlpha, int suppression,
                           double suppressionFactor, double center, double meanAbsDeviation,
                           SeasonalDetector.Snapshot seasonal, List<Calibration> calibrations,
                           long[] suppressionWindow, int suppressionCount, long n, double previous,
                           double shortMean, double diffShort, double diffLong, int flatRun, int longestRun,
                           InputCounters counters)
            implements DetectorSnapshot {
        /** Checks the number of calibrations and copies the collections. */
        public Snapshot {
            Objects.requireNonNull(seasonal, "seasonal");
            Objects.requireNonNull(counters, "counters");
            if (Objects.requireNonNull(calibrations, "calibrations").size() != COMPONENTS) {
                throw new IllegalArgumentException("calibrations must hold " + COMPONENTS + " components: "
                        + calibrations.size());
            }
            calibrations = List.copyOf(calibrations);
            suppressionWindow = Objects.requireNonNull(suppressionWindow, "suppressionWindow").clone();
            RecentMax.check("suppressionWindow", suppressionWindow, suppressionCount);
            if (n < 0 || flatRun < 0 || longestRun < 0) {
                throw new IllegalArgumentException("n, flatRun and longestRun must be >= 0: " + n + ", " + flatRun
                        + ", " + longestRun);
            }
            for (double v : new double[] {center, previous, shortMean}) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("center, previous and shortMean must be finite: " + center
                            + ", " + previous + ", " + shortMean);
                }
            }
            Scores.checkNonNegative("meanAbsDeviation", meanAbsDeviation);
            Scores.checkNonNegative("diffShort", diffShort);
            Scores.checkNonNegative("diffLong", diffLong);
        }

        @Override
        public long[] suppressionWindow() {
            return suppressionWindow.clone();
        }

        @Override
        public DefaultDetector restore() {
            DefaultDetector d = new DefaultDetector(window, warmup, calibrationAlpha, suppression,
                    suppressionFactor);
            d.center = center;
            d.meanAbsDeviation = meanAbsDeviation;
            d.seasonal = SeasonalModel.restore(seasonal, SeasonalDetector.DEFAULTS);
            calibrations.get(0).restoreInto(d.level);
            calibrations.get(1).restoreInto(d.variance);
            calibrations.get(2).restoreInto(d.flat);
            calibrations.get(3).restoreInto(d.seasonalTail);
            d.recent.restore(suppressionWindow, suppressionCount);
            d.n = n;
            d.previous = previous;
            d.shortMean = shortMean;
            d.diffShort = diffShort;
            d.diffLong = diffLong;
            d.flatRun = flatRun;
            d.longestRun = longestRun;
            d.restoreInputCounters(counters);
            return d;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Snapshot)) {
                return false;
            }
            Snapshot s = (Snapshot) o;
            return window == s.window && warmup == s.warmup && calibrationAlpha == s.calibrationAlpha
                    && suppression == s.suppression && suppressionFactor == s.suppressionFactor
                    && Double.compare(center, s.center) == 0
                    && Double.compare(meanAbsDeviation, s.meanAbsDeviation) == 0
                    && seasonal.equals(s.seasonal) && calibrations.equals(s.calibrations)
                    && Arrays.equals(suppressionWindow, s.suppressionWindow)
                    && suppressionCount == s.suppressionCount && n == s.n
                    && Double.compare(previous, s.previous) == 0 && Double.compare(shortMean, s.shortMean) == 0
                    && Double.compare(diffShort, s.diffShort) == 0 && Double.compare(diffLong, s.diffLong) == 0
                    && flatRun == s.flatRun && longestRun == s.longestRun && counters.equals(s.counters);
        }

        @Override
        public int hashCode() {
            return Double.hashCode(center) * 31 + Long.hashCode(n);
        }
    }
}
