package io.openmanager.vibe.analytics.detect;

import java.util.Arrays;

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
 * and IQR as the level reference scored 60.16 against 60.52 for the exponential one, at several times the cost.
 *
 * <h2>Calibration</h2>
 * Each statistic goes through its own running tail model ({@code TailCalibrator}: an exponentially forgetting
 * histogram of {@code log1p(stat)} and a normal law on the same scale, learning rate {@code calibrationAlpha};
 * the tail probability is the larger of the two), giving {@code p_i}. The combined tail probability is
 * {@code p = min(1, 4 * min_i p_i)} (Bonferroni over the four components). With the surprise
 * {@code S = -log10 p}, the score is {@code S / (S + 12)}: 0.5 means a one-in-10^12 event under what the detector
 * has learned for this series, whatever its units and noise, so scores mean the same across series and never
 * saturate (the ranking of very rare events is kept).
 *
 * <h2>Suppression</h2>
 * One event should raise one alarm: a score that does not exceed 1.1 times the highest score of the previous
 * {@code suppression} values is multiplied by {@code suppressionFactor}. A new, clearly stronger event still
 * scores fully.
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

    // TailCalibrator returns 0 for tail probabilities above 1/4 without computing them: exact only while the
    // Bonferroni factor COMPONENTS is at most 4.
    static final int COMPONENTS = 4;
    private static final int LEVEL = 0;
    private static final int VARIANCE = 1;
    private static final int FLAT = 2;
    private static final int SEASONAL = 3;
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

    private final int warmup;
    private final double calibrationAlpha;
    private final int suppression;
    private final double suppressionFactor;
    private final int window;
    private final double centerAlpha;
    private SeasonalDetector seasonal;
    private final TailCalibrator[] calibrators = new TailCalibrator[COMPONENTS];
    // The same calibrators as fields, so the per-value path has no array loads.
    private final TailCalibrator level;
    private final TailCalibrator variance;
    private final TailCalibrator flat;
    private final TailCalibrator seasonalTail;
    private final SlidingMax recent;
    private long n;
    private double previous;
    private double shortMean;
    private double diffShort;
    private double diffLong;
    private long flatRun;
    private long longestRun;
    private double center;
    private double meanAbsDeviation;
    // The level reference the last value was compared with (NaN before it exists); not part of the snapshot.
    private double expectedCenter = Double.NaN;
    private double expectedScale = Double.NaN;

    /** With the defaults. */
    public DefaultDetector() {
        this(DEFAULT_WINDOW, DEFAULT_WARMUP, DEFAULT_CALIBRATION_ALPHA, DEFAULT_SUPPRESSION,
                DEFAULT_SUPPRESSION_FACTOR);
    }

    /**
     * @param window            horizon in values of the slow level reference (weight 1 / window), >= 8
     * @param warmup            statistics each calibration learns before it can report surprise, >= 1
     * @param calibrationAlpha  learning rate of the calibration in (0, 1]
     * @param suppression       values after a score during which lower or equal scores are damped, >= 1
     * @param suppressionFactor the damping factor in [0, 1]
     */
    public DefaultDetector(int window, int warmup, double calibrationAlpha, int suppression,
                           double suppressionFactor) {
        Scores.checkAtLeast("window", window, MIN_WINDOW);
        this.warmup = Scores.checkAtLeast("warmup", warmup, 1);
        this.calibrationAlpha = Scores.checkFraction("calibrationAlpha", calibrationAlpha);
        this.suppression = Scores.checkAtLeast("suppression", suppression, 1);
        if (!(suppressionFactor >= 0.0 && suppressionFactor <= 1.0)) {
            throw new IllegalArgumentException("suppressionFactor must be in [0, 1]: " + suppressionFactor);
        }
        this.suppressionFactor = suppressionFactor;
        this.window = window;
        this.centerAlpha = 1.0 / window;
        this.seasonal = new SeasonalDetector();
        for (int i = 0; i < COMPONENTS; i++) {
            calibrators[i] = new TailCalibrator();
        }
        this.level = calibrators[LEVEL];
        this.variance = calibrators[VARIANCE];
        this.flat = calibrators[FLAT];
        this.seasonalTail = calibrators[SEASONAL];
        this.recent = new SlidingMax(suppression);
    }

    @Override
    protected double score(long timestampMillis, double value) {
        double raw = 0.0;
        if (n > 0) {
            double diff = Math.abs(value - previous);
            boolean unchanged = diff <= 1e-12 * Math.abs(value);
            shortMean += SHORT_ALPHA * (value - shortMean);
            // The components are independent: the seasonal model learns first, and every statistic is compressed
            // (a logarithm each) before any calibration branches on one, so the logarithms overlap.
            seasonal.observe(timestampMillis, value);
            boolean levelsReady = n >= MIN_WINDOW;
            boolean seasonalReady = seasonal.isWarm();
            double uLevel = 0.0;
            double uVariance = 0.0;
            double uFlat = 0.0;
            double uSeasonal = 0.0;
            if (levelsReady) {
                double median = center;
                double scale = Scores.floorScale(1.2533 * meanAbsDeviation, median);
                expectedCenter = median;
                expectedScale = scale;
                uLevel = TailCalibrator.compress(Math.abs(shortMean - median) / scale);
                uVariance = TailCalibrator.compress(diffShort / Scores.floorScale(diffLong, median));
                uFlat = unchanged ? TailCalibrator.compress((flatRun + 1.0) / (longestRun + 1.0)) : 0.0;
            }
            if (seasonalReady) {
                uSeasonal = TailCalibrator.compress(Math.abs(seasonal.lastZ()));
            }
            double minLog10P = 0.0;
            if (levelsReady) {
                minLog10P = Math.min(minLog10P, level.log10TailThenLearnCompressed(uLevel, calibrationAlpha, MIN_SD,
                        warmup));
                minLog10P = Math.min(minLog10P, variance.log10TailThenLearnCompressed(uVariance, calibrationAlpha,
                        MIN_SD, warmup));
                minLog10P = Math.min(minLog10P, flat.log10TailThenLearnCompressed(uFlat, calibrationAlpha,
                        FLAT_MIN_SD, warmup));
            }
            if (seasonalReady) {
                minLog10P = Math.min(minLog10P, seasonalTail.log10TailThenLearnCompressed(uSeasonal,
                        calibrationAlpha, MIN_SD, warmup));
            }
            double surprise = -Math.min(0.0, LOG10_COMPONENTS + minLog10P);
            raw = surprise / (surprise + HALF_SURPRISE);
            diffShort += DIFF_SHORT_ALPHA * (diff - diffShort);
            diffLong += (n >= DIFF_LONG_SETTLED ? DIFF_LONG_ALPHA : Math.max(DIFF_LONG_ALPHA, 1.0 / n))
                    * (diff - diffLong);
            if (unchanged) {
                flatRun++;
            } else {
                longestRun = Math.max(longestRun, flatRun);
                flatRun = 0;
            }
        } else {
            shortMean = value;
            seasonal.observe(timestampMillis, value);
        }
        double out = raw > REPEAT_RATIO * recent.max() ? raw : raw * suppressionFactor;
        recent.add(raw);
        double a = n + 1 >= window ? centerAlpha : Math.max(centerAlpha, 1.0 / (n + 1));
        double deviation = value - center;
        meanAbsDeviation += a * (Math.abs(deviation) - meanAbsDeviation);
        center += a * deviation;
        previous = value;
        n++;
        return out;
    }

    /**
     * The seasonal component's prediction for the last value once it has learned, else the level reference (the
     * slow exponential mean); NaN for the first 8 values.
     */
    @Override
    public double expected() {
        double seasonalExpected = seasonal.expected();
        return Double.isNaN(seasonalExpected) ? expectedCenter : seasonalExpected;
    }

    /** The seasonal range once it has learned, else the level reference minus 3 of its scales. */
    @Override
    public double lowerBound() {
        double seasonalLower = seasonal.lowerBound();
        return Double.isNaN(seasonalLower) ? expectedCenter - RANGE_SCALES * expectedScale : seasonalLower;
    }

    /** The seasonal range once it has learned, else the level reference plus 3 of its scales. */
    @Override
    public double upperBound() {
        double seasonalUpper = seasonal.upperBound();
        return Double.isNaN(seasonalUpper) ? expectedCenter + RANGE_SCALES * expectedScale : seasonalUpper;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isWarm() {
        return n >= MIN_WINDOW + warmup;
    }

    @Override
    public Snapshot snapshot() {
        double[][] calBins = new double[COMPONENTS][];
        double[][] calTail = new double[COMPONENTS][];
        double[] calTotal = new double[COMPONENTS];
        double[] calWeight = new double[COMPONENTS];
        double[] calMean = new double[COMPONENTS];
        double[] calVariance = new double[COMPONENTS];
        long[] calN = new long[COMPONENTS];
        for (int i = 0; i < COMPONENTS; i++) {
            calBins[i] = calibrators[i].bins.clone();
            calTail[i] = calibrators[i].tail.clone();
            calTotal[i] = calibrators[i].total;
            calWeight[i] = calibrators[i].weight;
            calMean[i] = calibrators[i].mean;
            calVariance[i] = calibrators[i].variance;
            calN[i] = calibrators[i].n;
        }
        SlidingMax.Deque deque = recent.deque();
        return new Snapshot(window, warmup, calibrationAlpha, suppression, suppressionFactor,
                center, meanAbsDeviation, seasonal.snapshot(), calBins, calTail, calTotal, calWeight, calMean, calVariance, calN,
                deque.index(), deque.value(), recent.count(), n, previous, shortMean, diffShort, diffLong, flatRun, longestRun,
                inputCounters());
    }

    /**
     * The state of a {@link DefaultDetector}.
     *
     * @param window            parameter
     * @param warmup            parameter
     * @param calibrationAlpha  parameter
     * @param suppression       parameter
     * @param suppressionFactor parameter
     * @param center            the level reference (exponentially weighted mean)
     * @param meanAbsDeviation  the exponentially weighted mean absolute deviation from it
     * @param seasonal          the seasonal component
     * @param calibrationBins   per component, the calibration histogram
     * @param calibrationTail   per component, the histogram's tail-sum (Fenwick) tree
     * @param calibrationTotal  per component, the histogram's total mass
     * @param calibrationWeight per component, the weight of the next statistic
     * @param calibrationMean   per component, the calibration mean
     * @param calibrationVariance per component, the calibration variance
     * @param calibrationCount  per component, statistics learned
     * @param maxIndex          the suppression deque: indices
     * @param maxValue          the suppression deque: raw scores
     * @param maxCount          raw scores added to the suppression deque
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
                           SeasonalDetector.Snapshot seasonal, double[][] calibrationBins,
                           double[][] calibrationTail, double[] calibrationTotal, double[] calibrationWeight, double[] calibrationMean,
                           double[] calibrationVariance, long[] calibrationCount, long[] maxIndex,
                           double[] maxValue, long maxCount, long n, double previous, double shortMean,
                           double diffShort, double diffLong, long flatRun, long longestRun,
                           InputCounters counters)
            implements DetectorSnapshot {
        @Override
        public DefaultDetector restore() {
            DefaultDetector d = new DefaultDetector(window, warmup, calibrationAlpha, suppression,
                    suppressionFactor);
            d.center = center;
            d.meanAbsDeviation = meanAbsDeviation;
            d.seasonal = seasonal.restore();
            for (int i = 0; i < COMPONENTS; i++) {
                System.arraycopy(calibrationBins[i], 0, d.calibrators[i].bins, 0, TailCalibrator.BINS);
                System.arraycopy(calibrationTail[i], 0, d.calibrators[i].tail, 0, TailCalibrator.BINS + 1);
                d.calibrators[i].total = calibrationTotal[i];
                d.calibrators[i].weight = calibrationWeight[i];
                d.calibrators[i].mean = calibrationMean[i];
                d.calibrators[i].variance = calibrationVariance[i];
                d.calibrators[i].n = calibrationCount[i];
            }
            d.recent.restore(maxIndex, maxValue, maxCount);
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
                    && seasonal.equals(s.seasonal) && Arrays.deepEquals(calibrationBins, s.calibrationBins)
                    && Arrays.deepEquals(calibrationTail, s.calibrationTail)
                    && Arrays.equals(calibrationTotal, s.calibrationTotal)
                    && Arrays.equals(calibrationWeight, s.calibrationWeight)
                    && Arrays.equals(calibrationMean, s.calibrationMean)
                    && Arrays.equals(calibrationVariance, s.calibrationVariance)
                    && Arrays.equals(calibrationCount, s.calibrationCount) && Arrays.equals(maxIndex, s.maxIndex)
                    && Arrays.equals(maxValue, s.maxValue) && maxCount == s.maxCount && n == s.n
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
