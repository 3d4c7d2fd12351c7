package io.openmanager.vibe.analytics.detect;

import java.util.Arrays;

/**
 * The default detector: several views of the series, each calibrated against its own history, combined into one
 * probability-like score, with repeated alarms for one event suppressed.
 *
 * <h2>Components (all causal, each a statistic >= 0)</h2>
 * <ul>
 *   <li><b>spike/dip</b>: robust z-score against the median and IQR/1.349 of the last {@code window} values;</li>
 *   <li><b>level shift</b>: a short exponential mean (weight 0.25) against the same median, in robust scales;</li>
 *   <li><b>variance change</b>: the short mean absolute difference between consecutive values against the long
 *       one;</li>
 *   <li><b>flat-line</b>: the length of the current run of unchanged values;</li>
 *   <li><b>broken seasonality</b>: the residual z-score of a {@link SeasonalDetector} (automatic period).</li>
 * </ul>
 *
 * <h2>Calibration</h2>
 * Each statistic goes through its own running tail model ({@code log1p} of the statistic, exponentially weighted
 * mean and variance, learning rate {@code calibrationAlpha}), giving a tail probability {@code p_i}. The combined
 * tail probability is {@code p = min(1, 5 * min_i p_i)} (Bonferroni), and the raw score is
 * {@code min(1, -log10(p) / 12)}: a score of 0.5 means a one-in-a-million event under what the detector has learned
 * for this series, whatever the series' units and noise. Scores therefore mean the same across series.
 *
 * <h2>Suppression</h2>
 * One event should raise one alarm: a raw score that does not exceed the highest raw score of the previous
 * {@code suppression} values is multiplied by {@code suppressionFactor}. A new, stronger event still scores fully.
 *
 * <p>Warm-up: {@code warmup} values (score 0). Parameters (name, default): {@code window} 256, {@code warmup} 64,
 * {@code calibrationAlpha} 0.002, {@code suppression} 200 values, {@code suppressionFactor} 0.25; the seasonal
 * component uses {@link SeasonalDetector}'s defaults.
 */
public final class DefaultDetector extends AbstractAnomalyDetector {
    /** The registered name. */
    public static final String NAME = "default";
    /** Default {@code window}. */
    public static final int DEFAULT_WINDOW = 256;
    /** Default {@code warmup}. */
    public static final int DEFAULT_WARMUP = 64;
    /** Default {@code calibrationAlpha}. */
    public static final double DEFAULT_CALIBRATION_ALPHA = 0.002;
    /** Default {@code suppression}. */
    public static final int DEFAULT_SUPPRESSION = 200;
    /** Default {@code suppressionFactor}. */
    public static final double DEFAULT_SUPPRESSION_FACTOR = 0.25;

    static final int COMPONENTS = 5;
    private static final double MIN_SD = 0.05;
    private static final double FLAT_MIN_SD = Double.parseDouble(System.getProperty("fsd", "0.5"));
    private static final double HALF_SURPRISE = 12.0;
    private static final int CALIBRATION_WARMUP = Integer.getInteger("cw", 150);
    private static final double LOG10_COMPONENTS = Math.log10(COMPONENTS);
    private static final double SHORT_ALPHA = 0.25;
    private static final double DIFF_SHORT_ALPHA = 0.1;
    private static final double DIFF_LONG_ALPHA = 0.005;

    private final int warmup;
    private final double calibrationAlpha;
    private final int suppression;
    private final double suppressionFactor;
    private final OrderStatisticWindow window;
    private SeasonalDetector seasonal;
    private final TailCalibrator[] calibrators = new TailCalibrator[COMPONENTS];
    private final SlidingMax recent;
    private long n;
    private double previous;
    private double shortMean;
    private double diffShort;
    private double diffLong;
    private long flatRun;
    private long longestRun;
    final double[] debug = new double[COMPONENTS];

    /** With the defaults. */
    public DefaultDetector() {
        this(DEFAULT_WINDOW, DEFAULT_WARMUP, DEFAULT_CALIBRATION_ALPHA, DEFAULT_SUPPRESSION,
                DEFAULT_SUPPRESSION_FACTOR);
    }

    /**
     * @param window            values of the robust window, >= 8
     * @param warmup            values learned before scoring, in [8, window]
     * @param calibrationAlpha  learning rate of the calibration in (0, 1]
     * @param suppression       values after a score during which lower or equal scores are damped, >= 1
     * @param suppressionFactor the damping factor in [0, 1]
     */
    public DefaultDetector(int window, int warmup, double calibrationAlpha, int suppression,
                           double suppressionFactor) {
        Scores.checkAtLeast("window", window, 8);
        this.warmup = Scores.checkAtLeast("warmup", warmup, 8);
        if (warmup > window) {
            throw new IllegalArgumentException("warmup must be at most window (" + window + "): " + warmup);
        }
        this.calibrationAlpha = Scores.checkFraction("calibrationAlpha", calibrationAlpha);
        this.suppression = Scores.checkAtLeast("suppression", suppression, 1);
        if (!(suppressionFactor >= 0.0 && suppressionFactor <= 1.0)) {
            throw new IllegalArgumentException("suppressionFactor must be in [0, 1]: " + suppressionFactor);
        }
        this.suppressionFactor = suppressionFactor;
        this.window = new OrderStatisticWindow(window);
        this.seasonal = new SeasonalDetector();
        for (int i = 0; i < COMPONENTS; i++) {
            calibrators[i] = new TailCalibrator();
        }
        this.recent = new SlidingMax(suppression);
    }

    @Override
    protected double score(long timestampMillis, double value) {
        double raw = 0.0;
        if (n > 0) {
            double diff = Math.abs(value - previous);
            shortMean += SHORT_ALPHA * (value - shortMean);
            double minP = 0.0;
            if (window.count() >= 8) {
                double median = window.quantile(0.5);
                double scale = Scores.floorScale((window.quantile(0.75) - window.quantile(0.25)) / 1.349, median);
                double spike = Math.abs(value - median) / scale;
                double level = Math.abs(shortMean - median) / scale;
                double flat = diff <= 1e-12 * (Math.abs(value) + 1e-300) ? (flatRun + 1.0) / (longestRun + 1.0) : 0;
                minP = Math.min(minP, debug[0] = calibrators[0].log10TailThenLearn(spike, calibrationAlpha, MIN_SD, CALIBRATION_WARMUP));
                minP = Math.min(minP, debug[1] = calibrators[1].log10TailThenLearn(level, calibrationAlpha, MIN_SD, CALIBRATION_WARMUP));
                minP = Math.min(minP, debug[2] = calibrators[2].log10TailThenLearn(diffShort / Scores.floorScale(diffLong, median),
                        calibrationAlpha, MIN_SD, CALIBRATION_WARMUP));
                minP = Math.min(minP, debug[3] = calibrators[3].log10TailThenLearn(flat, calibrationAlpha, FLAT_MIN_SD, CALIBRATION_WARMUP));
            }
            seasonal.update(timestampMillis, value);
            if (seasonal.isWarm()) {
                minP = Math.min(minP, debug[4] = calibrators[4].log10TailThenLearn(Math.abs(seasonal.lastZ()), calibrationAlpha,
                        MIN_SD, CALIBRATION_WARMUP));
            }
            if (n >= warmup) {
                double surprise = -Math.min(0.0, LOG10_COMPONENTS + minP);
                raw = surprise / (surprise + HALF_SURPRISE);
            }
            diffShort += DIFF_SHORT_ALPHA * (diff - diffShort);
            diffLong += Math.max(DIFF_LONG_ALPHA, 1.0 / n) * (diff - diffLong);
            if (diff <= 1e-12 * (Math.abs(value) + 1e-300)) {
                flatRun++;
            } else {
                longestRun = Math.max(longestRun, flatRun);
                flatRun = 0;
            }
        } else {
            shortMean = value;
            seasonal.update(timestampMillis, value);
        }
        double out = raw > recent.max() ? raw : raw * suppressionFactor;
        recent.add(raw);
        window.add(value);
        previous = value;
        n++;
        return out;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isWarm() {
        return n > warmup;
    }

    @Override
    public Snapshot snapshot() {
        double[][] calBins = new double[COMPONENTS][];
        double[] calTotal = new double[COMPONENTS];
        double[] calWeight = new double[COMPONENTS];
        double[] calMean = new double[COMPONENTS];
        double[] calVariance = new double[COMPONENTS];
        long[] calN = new long[COMPONENTS];
        for (int i = 0; i < COMPONENTS; i++) {
            calBins[i] = calibrators[i].bins.clone();
            calTotal[i] = calibrators[i].total;
            calWeight[i] = calibrators[i].weight;
            calMean[i] = calibrators[i].mean;
            calVariance[i] = calibrators[i].variance;
            calN[i] = calibrators[i].n;
        }
        long[] maxIndex = new long[recent.size];
        double[] maxValue = new double[recent.size];
        for (int i = 0; i < recent.size; i++) {
            int at = (recent.head + i) % recent.index.length;
            maxIndex[i] = recent.index[at];
            maxValue[i] = recent.value[at];
        }
        return new Snapshot(window.capacity(), warmup, calibrationAlpha, suppression, suppressionFactor,
                window.toArrayOldestFirst(), window.inserted(), seasonal.snapshot(), calBins, calTotal, calWeight, calMean, calVariance, calN,
                maxIndex, maxValue, recent.count, n, previous, shortMean, diffShort, diffLong, flatRun, longestRun,
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
     * @param windowValues      the robust window, oldest first
     * @param windowInserted    values inserted into the window in total
     * @param seasonal          the seasonal component
     * @param calibrationBins   per component, the calibration histogram
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
                           double suppressionFactor, double[] windowValues, long windowInserted,
                           SeasonalDetector.Snapshot seasonal, double[][] calibrationBins,
                           double[] calibrationTotal, double[] calibrationWeight, double[] calibrationMean,
                           double[] calibrationVariance, long[] calibrationCount, long[] maxIndex,
                           double[] maxValue, long maxCount, long n, double previous, double shortMean,
                           double diffShort, double diffLong, long flatRun, long longestRun,
                           InputCounters counters)
            implements DetectorSnapshot {
        @Override
        public DefaultDetector restore() {
            DefaultDetector d = new DefaultDetector(window, warmup, calibrationAlpha, suppression,
                    suppressionFactor);
            d.window.restore(windowValues, windowInserted);
            d.seasonal = seasonal.restore();
            for (int i = 0; i < COMPONENTS; i++) {
                System.arraycopy(calibrationBins[i], 0, d.calibrators[i].bins, 0, TailCalibrator.BINS);
                d.calibrators[i].total = calibrationTotal[i];
                d.calibrators[i].weight = calibrationWeight[i];
                d.calibrators[i].mean = calibrationMean[i];
                d.calibrators[i].variance = calibrationVariance[i];
                d.calibrators[i].n = calibrationCount[i];
            }
            for (int i = 0; i < maxIndex.length; i++) {
                d.recent.index[i] = maxIndex[i];
                d.recent.value[i] = maxValue[i];
            }
            d.recent.head = 0;
            d.recent.size = maxIndex.length;
            d.recent.count = maxCount;
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
                    && Arrays.equals(windowValues, s.windowValues) && windowInserted == s.windowInserted
                    && seasonal.equals(s.seasonal) && Arrays.deepEquals(calibrationBins, s.calibrationBins)
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
            return Arrays.hashCode(windowValues) * 31 + Long.hashCode(n);
        }
    }
}
