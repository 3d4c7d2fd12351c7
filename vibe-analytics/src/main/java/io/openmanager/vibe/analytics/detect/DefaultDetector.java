package io.openmanager.vibe.analytics.detect;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The default detector: several cheap views of the series, each turned into a tail probability against its own
 * history, combined into one surprise whose meaning is the same on every series, with one alarm per event. Same
 * defaults for every series. See {@code docs/detectors.md} for the design, the measurements behind it and the
 * commands that reproduce them.
 *
 * <h2>Views (all causal; each a statistic >= 0)</h2>
 * <ul>
 *   <li><b>level shift</b>: a short exponential mean (weight 0.25) against a slow one (weight {@code 1 / window}), in
 *       scales of 1.2533 times the slow mean absolute deviation (the standard deviation for normal data);</li>
 *   <li><b>dispersion change</b>: the short (weight 0.1) mean absolute difference between consecutive values against
 *       the long (weight 0.002) one;</li>
 *   <li><b>flat-line</b>: the length of the current run of unchanged values relative to the longest earlier run;</li>
 *   <li><b>seasonal residual</b> (spikes, dips, broken seasonality): the residual z-score of the Holt-Winters model
 *       of {@link SeasonalDetector} with its defaults (automatic period, 600 values to learn; without a period it is
 *       a robust level model). It joins once the model has learned;</li>
 *   <li><b>magnitude</b>: the value's z-score against a robust baseline (an exponential mean and variance, weight
 *       0.02, learning from residuals clipped at 5 scales, so that incidents do not widen the scale) that learns only
 *       from values that differ from the previous one: a series that mostly repeats one value (zero most of the
 *       time, say, with bursts) gets the spread of its bursts, not of its zeros. It joins after 30 such values.</li>
 * </ul>
 *
 * <h2>Rarity and magnitude</h2>
 * Each of the first four statistics goes through its own running tail model ({@code TailCalibrator}: the top of an
 * exponentially forgetting histogram of {@code log1p(stat)} and a normal law on the same scale, learning rate
 * {@code calibrationAlpha}; the larger of the two tail probabilities counts), giving {@code p_i}: how rare the
 * statistic is in this series' own history. An event that recurs (a daily batch job, bursts that come every few
 * hours) stops being rare and stops alarming. The magnitude view is not calibrated that way: its surprise is the
 * normal two-sided surprise of its z-score ({@code -log10 p}), soft-capped at {@value #MAGNITUDE_CAP} decades
 * ({@code cap * (1 - exp(-s / cap))}). A value far outside the series' usual noise is therefore a moderate alarm even
 * when the series has done it before, never more than a one-in-10^4 surprise; rarity in the series' history is what
 * makes a strong one.
 *
 * <p>The combined tail probability is {@code p = min(1, 5 * min_i p_i)} (Bonferroni over the five views). With the
 * surprise {@code S = -log10 p}, the score is {@code S / (S + 12)}: 0.5 means a one-in-10^12 event under what the
 * detector has learned for this series, whatever its units and noise, and scores never saturate.
 *
 * <h2>One alarm per event</h2>
 * A score that does not exceed 1.1 times the highest score of the last {@code suppressionMinutes} of the series'
 * time (half a day by default), or of the last {@value #SUPPRESSION_VALUES} sampling intervals if that is shorter,
 * is multiplied by {@code suppressionFactor}. A new, clearly stronger event still scores fully. The window is a
 * duration, so that it means the same at any sampling rate, but a series sampled every few seconds gets through an
 * event's aftershocks in minutes, not hours, and a second incident an hour later alarms again; the sampling interval
 * is the shortest one seen so far. The window keeps at most six falling steps of raw scores above 0.1
 * ({@code RecentMax}, on a clock of whole seconds).
 *
 * <h2>Missing values</h2>
 * A NaN is a gap: it scores 0 and teaches nothing, but the seasonal view moves on by one phase, so that a cycle stays
 * aligned with time across gaps.
 *
 * <h2>Expectation</h2>
 * {@link #expected()} and its range come from the seasonal view once it has learned (its prediction &plusmn; 3
 * robust residual scales), and before that from the level reference (the slow mean &plusmn; 3 times 1.2533 mean
 * absolute deviations). An alarm from the level-shift, dispersion or flat-line view can come while the value itself
 * is inside that range.
 *
 * <p>Warm-up: a calibration reports nothing until it has learned {@code warmup} statistics, so the calibrated views
 * score 0 for the first {@code 8 + warmup} values (the seasonal view for its first 600 + {@code warmup}); the
 * magnitude view joins after 30 changing values. {@link #isWarm()} turns true when the first of them can score.
 * Parameters (name, default): {@code window} 256, {@code warmup} 300, {@code calibrationAlpha} 0.005,
 * {@code suppressionMinutes} 720, {@code suppressionFactor} 0.25.
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
    /** Default {@code suppressionMinutes}: half a day. */
    public static final int DEFAULT_SUPPRESSION_MINUTES = 720;
    /** Default {@code suppressionFactor}. */
    public static final double DEFAULT_SUPPRESSION_FACTOR = 0.25;
    /** The largest {@code suppressionMinutes}: the suppression window's clock counts seconds modulo 2^32. */
    public static final int MAX_SUPPRESSION_MINUTES = Integer.MAX_VALUE / 60;
    /** The most surprise, in decades, that the magnitude view alone can give. */
    public static final double MAGNITUDE_CAP = 4.0;
    /** The suppression window covers at most this many sampling intervals. */
    public static final int SUPPRESSION_VALUES = 720;

    // The views combined by Bonferroni. TailCalibrator returns 0 for tail probabilities above 1/4 without computing
    // them: exact while COMPONENTS * 1/4 >= 1, since min(1, COMPONENTS * p) is then 1 for every such p.
    static final int COMPONENTS = 5;
    static final int CALIBRATIONS = 4;
    private static final int MIN_WINDOW = 8;
    private static final double MIN_SD = 0.05;
    private static final double FLAT_MIN_SD = 0.5;
    private static final double LOG10_COMPONENTS = Math.log10(COMPONENTS);
    private static final double LOG10_2 = Math.log10(2.0);
    private static final double HALF_SURPRISE = 12.0;
    private static final double REPEAT_RATIO = 1.1;
    private static final double SHORT_ALPHA = 0.25;
    private static final double DIFF_SHORT_ALPHA = 0.1;
    private static final double DIFF_LONG_ALPHA = 0.002;
    private static final long DIFF_LONG_SETTLED = Scores.settledFrom(DIFF_LONG_ALPHA);
    private static final double MAGNITUDE_ALPHA = 0.02;
    private static final long MAGNITUDE_SETTLED = Scores.settledFrom(MAGNITUDE_ALPHA);
    private static final double MAGNITUDE_CLIP = 5.0;
    private static final int MAGNITUDE_WARMUP = 30;
    private static final int MILLIS_PER_TICK = 1000;
    // A |z| at or below which the magnitude view cannot raise the combined surprise (see magnitudeSurprise).
    private static final double MAGNITUDE_GATE = magnitudeGate();
    private static final Settings DEFAULTS = new Settings(DEFAULT_WINDOW, DEFAULT_WARMUP, DEFAULT_CALIBRATION_ALPHA,
            DEFAULT_SUPPRESSION_MINUTES, DEFAULT_SUPPRESSION_FACTOR);

    /** The parameters and what follows from them; detectors with the defaults share one instance. */
    private record Settings(int window, int warmup, double calibrationAlpha, int suppressionMinutes,
                            double suppressionFactor, double centerAlpha, TailCalibrator.Rate calibrationRate) {
        Settings(int window, int warmup, double calibrationAlpha, int suppressionMinutes, double suppressionFactor) {
            this(window, warmup, calibrationAlpha, suppressionMinutes, suppressionFactor, 1.0 / window,
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
    private final RecentMax recent = new RecentMax();
    private long n;
    // The shortest interval between accepted values so far (0 before the second value), the last value's timestamp,
    // and the suppression window in seconds that follows from them.
    private long stepMillis;
    private long lastMillis;
    private int suppressionSeconds;
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
    private double magnitudeMean;
    private double magnitudeVariance;
    private long magnitudeCount;

    /** With the defaults. */
    public DefaultDetector() {
        this(DEFAULTS);
    }

    /**
     * @param window             horizon in values of the slow level reference (weight 1 / window), >= 8
     * @param warmup             statistics each calibration learns before it can report surprise, >= 1
     * @param calibrationAlpha   learning rate of the calibrations in (0, 1]
     * @param suppressionMinutes minutes of the series' time after a score during which lower or equal scores are
     *                           damped, in [1, {@value #MAX_SUPPRESSION_MINUTES}]
     * @param suppressionFactor  the damping factor in [0, 1]
     */
    public DefaultDetector(int window, int warmup, double calibrationAlpha, int suppressionMinutes,
                           double suppressionFactor) {
        this(settings(window, warmup, calibrationAlpha, suppressionMinutes, suppressionFactor));
    }

    private DefaultDetector(Settings settings) {
        this.settings = settings;
        this.seasonal = new SeasonalModel(SeasonalDetector.DEFAULTS);
        this.suppressionSeconds = settings.suppressionMinutes() * 60;
    }

    private static Settings settings(int window, int warmup, double calibrationAlpha, int suppressionMinutes,
                                     double suppressionFactor) {
        Scores.checkAtLeast("window", window, MIN_WINDOW);
        Scores.checkAtLeast("warmup", warmup, 1);
        Scores.checkFraction("calibrationAlpha", calibrationAlpha);
        Scores.checkAtLeast("suppressionMinutes", suppressionMinutes, 1);
        if (suppressionMinutes > MAX_SUPPRESSION_MINUTES) {
            throw new IllegalArgumentException("suppressionMinutes must be <= " + MAX_SUPPRESSION_MINUTES + ": "
                    + suppressionMinutes);
        }
        if (!(suppressionFactor >= 0.0 && suppressionFactor <= 1.0)) {
            throw new IllegalArgumentException("suppressionFactor must be in [0, 1]: " + suppressionFactor);
        }
        Settings s = new Settings(window, warmup, calibrationAlpha, suppressionMinutes, suppressionFactor);
        return s.equals(DEFAULTS) ? DEFAULTS : s;
    }

    /**
     * A |z| at or below which the magnitude view cannot raise the combined surprise (its own surprise is at most
     * {@code log10 COMPONENTS}, which the Bonferroni factor cancels), so its tail need not be computed: a little below
     * the root of {@code magnitudeSurprise(z) = log10 COMPONENTS} (|z| about 1.37).
     */
    private static double magnitudeGate() {
        double lo = 0.0;
        double hi = 40.0;
        for (int i = 0; i < 80; i++) {
            double mid = 0.5 * (lo + hi);
            if (magnitudeSurprise(mid) < LOG10_COMPONENTS) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.max(0.0, lo - 1e-6);
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
            double magnitudeScale = Scores.floorScale(Math.sqrt(magnitudeVariance), magnitudeMean);
            double zMagnitude = (value - magnitudeMean) / magnitudeScale;
            if (value != previous) {
                learnMagnitude(value - magnitudeMean, magnitudeScale);
            }
            // The views are independent: the seasonal model learns first, and every calibrated statistic is
            // compressed (a logarithm each) before any calibration branches on one, so the logarithms overlap.
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
            if (magnitudeCount > MAGNITUDE_WARMUP && Math.abs(zMagnitude) > MAGNITUDE_GATE) {
                minLog10P = Math.min(minLog10P, -magnitudeSurprise(zMagnitude));
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
            magnitudeMean = value;
            magnitudeCount = 1;
            seasonal.observe(value);
        }
        if (n > 0) {
            long step = timestampMillis - lastMillis;
            if (step > 0 && (step < stepMillis || stepMillis == 0)) {
                stepMillis = step;
                suppressionSeconds = suppressionSeconds(p.suppressionMinutes(), step);
            }
        }
        lastMillis = timestampMillis;
        int tick = (int) Math.floorDiv(timestampMillis, MILLIS_PER_TICK);
        double out = raw > REPEAT_RATIO * recent.max(tick, suppressionSeconds) ? raw : raw * p.suppressionFactor();
        recent.add(tick, raw);
        previous = value;
        n++;
        return out;
    }

    /**
     * The magnitude view's surprise in decades: the two-sided normal surprise {@code s} of {@code z}, soft-capped at
     * {@link #MAGNITUDE_CAP} as {@code cap * (1 - exp(-s / cap))}: about {@code s} for small surprises, never above
     * the cap.
     */
    private static double magnitudeSurprise(double z) {
        double s = -Scores.log10UpperTail(Math.abs(z)) - LOG10_2;
        return s > 0.0 ? MAGNITUDE_CAP * -Math.expm1(-s / MAGNITUDE_CAP) : 0.0;
    }

    /**
     * The suppression window in seconds: {@code suppressionMinutes}, or {@link #SUPPRESSION_VALUES} sampling
     * intervals of {@code stepMillis} if that is shorter (at least one second); {@code suppressionMinutes} while the
     * interval is unknown (0).
     */
    static int suppressionSeconds(int suppressionMinutes, long stepMillis) {
        long byTime = suppressionMinutes * 60L;
        if (stepMillis <= 0 || stepMillis > byTime * MILLIS_PER_TICK / SUPPRESSION_VALUES) {
            return (int) byTime;
        }
        long byValues = Math.max(1, (SUPPRESSION_VALUES * stepMillis + MILLIS_PER_TICK - 1) / MILLIS_PER_TICK);
        return (int) Math.min(byTime, byValues);
    }

    /** The magnitude baseline learns a changed value's residual, clipped at 5 scales once it has warmed up. */
    private void learnMagnitude(double residual, double scale) {
        magnitudeCount++;
        long count = magnitudeCount;
        double a = count >= MAGNITUDE_SETTLED ? MAGNITUDE_ALPHA : Math.max(MAGNITUDE_ALPHA, 1.0 / count);
        double r = count > MAGNITUDE_WARMUP
                ? Math.max(-MAGNITUDE_CLIP * scale, Math.min(MAGNITUDE_CLIP * scale, residual)) : residual;
        magnitudeMean += a * r;
        magnitudeVariance = (1.0 - a) * (magnitudeVariance + a * r * r);
    }

    /** A gap: the seasonal view moves on by one phase (nothing else learns from a missing value). */
    @Override
    protected void missing(long timestampMillis) {
        if (n > 0) {
            seasonal.skip();
        }
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
     * The seasonal view's prediction for the last value once it has learned, else the level reference (the slow
     * exponential mean); NaN for the first 9 values, and after a restore from a snapshot whose seasonal view had
     * learned, until the next value.
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

    /** True once a view can score: the magnitude view after 30 changing values, the others after 8 + warmup. */
    @Override
    public boolean isWarm() {
        return magnitudeCount > MAGNITUDE_WARMUP || n >= MIN_WINDOW + settings.warmup();
    }

    @Override
    public Snapshot snapshot() {
        Settings p = settings;
        return new Snapshot(p.window(), p.warmup(), p.calibrationAlpha(), p.suppressionMinutes(),
                p.suppressionFactor(), center, meanAbsDeviation,
                seasonal.snapshot(InputCounters.NONE),
                List.of(Calibration.of(level), Calibration.of(variance), Calibration.of(flat),
                        Calibration.of(seasonalTail)),
                recent.entries(), recent.lastTick(), stepMillis, n, previous, shortMean, diffShort, diffLong, flatRun,
                longestRun, magnitudeMean, magnitudeVariance, magnitudeCount, inputCounters());
    }

    /**
     * One view's calibration (see {@link DefaultDetector}: the top of a histogram of its compressed statistic and a
     * normal law on the same scale).
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
     * The state of a {@link DefaultDetector}. Only a state that a detector with these parameters could have been in
     * is accepted: the constructor and {@link #restore()} refuse anything else, naming the field and value.
     *
     * @param window             parameter
     * @param warmup             parameter
     * @param calibrationAlpha   parameter
     * @param suppressionMinutes parameter
     * @param suppressionFactor  parameter
     * @param center             the level reference (exponentially weighted mean) before the last value
     * @param meanAbsDeviation   the exponentially weighted mean absolute deviation from it
     * @param seasonal           the seasonal view (its counters are unused)
     * @param calibrations       the calibrations of the level, dispersion, flat-line and seasonal views
     * @param suppressionWindow  the suppression window's kept raw scores, oldest first: each the second of the
     *                           value's timestamp (modulo 2^32) in the high 32 bits and the score's float bits in
     *                           the low 32
     * @param suppressionTick    the second of the last value's timestamp, modulo 2^32 (0 before any value)
     * @param stepMillis         the shortest interval between accepted values so far (0 before the second value)
     * @param n                  values learned
     * @param previous           the previous value
     * @param shortMean          short exponential mean
     * @param diffShort          short mean absolute difference
     * @param diffLong           long mean absolute difference
     * @param flatRun            current run of unchanged values
     * @param longestRun         longest finished run of unchanged values
     * @param magnitudeMean      the magnitude view's baseline
     * @param magnitudeVariance  its variance
     * @param magnitudeCount     changed values it has learned (the first value counts)
     * @param counters           input counters
     */
    public record Snapshot(int window, int warmup, double calibrationAlpha, int suppressionMinutes,
                           double suppressionFactor, double center,
                           double meanAbsDeviation, SeasonalDetector.Snapshot seasonal, List<Calibration> calibrations,
                           long[] suppressionWindow, int suppressionTick, long stepMillis, long n,
                           double previous,
                           double shortMean, double diffShort, double diffLong, int flatRun, int longestRun,
                           double magnitudeMean, double magnitudeVariance, long magnitudeCount,
                           InputCounters counters)
            implements DetectorSnapshot {
        /** Checks the state and copies the collections. */
        public Snapshot {
            Objects.requireNonNull(seasonal, "seasonal");
            Objects.requireNonNull(counters, "counters");
            if (Objects.requireNonNull(calibrations, "calibrations").size() != CALIBRATIONS) {
                throw new IllegalArgumentException("calibrations must hold " + CALIBRATIONS + " views: "
                        + calibrations.size());
            }
            for (int i = 0; i < CALIBRATIONS; i++) {
                Objects.requireNonNull(calibrations.get(i), "calibrations[" + i + "]");
            }
            calibrations = List.copyOf(calibrations);
            suppressionWindow = Objects.requireNonNull(suppressionWindow, "suppressionWindow").clone();
            RecentMax.check("suppressionWindow", suppressionWindow, suppressionTick);
            if (n < 0 || flatRun < 0 || longestRun < 0 || flatRun > n || longestRun > n) {
                throw new IllegalArgumentException("n must be >= 0, and flatRun and longestRun in [0, n]: " + n
                        + ", " + flatRun + ", " + longestRun);
            }
            if (n < 2 ? stepMillis != 0 : stepMillis < 1) {
                throw new IllegalArgumentException("stepMillis must be 0 before the second value and >= 1 after it (n "
                        + n + "): " + stepMillis);
            }
            if (counters.accepted() != n) {
                throw new IllegalArgumentException("n must equal the accepted values of the counters "
                        + counters.accepted() + ": " + n);
            }
            long lastTick = n == 0 ? 0 : (int) Math.floorDiv(counters.lastTimestampMillis(), MILLIS_PER_TICK);
            if (suppressionTick != lastTick) {
                throw new IllegalArgumentException("suppressionTick must be the second of the last timestamp, "
                        + lastTick + ": " + suppressionTick);
            }
            if (seasonal.n() < n || seasonal.n() > n + counters.missing()) {
                throw new IllegalArgumentException("seasonal n must count the values and the gaps after the first"
                        + " value (n " + n + ", missing " + counters.missing() + "): " + seasonal.n());
            }
            if (magnitudeCount < 0 || magnitudeCount > n || n > 0 && magnitudeCount == 0) {
                throw new IllegalArgumentException("magnitudeCount must be in [1, n] (0 when n is 0): "
                        + magnitudeCount);
            }
            checkFinite("center", center);
            checkFinite("previous", previous);
            checkFinite("shortMean", shortMean);
            checkFinite("magnitudeMean", magnitudeMean);
            Scores.checkNonNegative("meanAbsDeviation", meanAbsDeviation);
            Scores.checkNonNegative("diffShort", diffShort);
            Scores.checkNonNegative("diffLong", diffLong);
            Scores.checkNonNegative("magnitudeVariance", magnitudeVariance);
        }

        private static void checkFinite(String field, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(field + " must be finite: " + value);
            }
        }

        @Override
        public long[] suppressionWindow() {
            return suppressionWindow.clone();
        }

        @Override
        public DefaultDetector restore() {
            DefaultDetector d = new DefaultDetector(window, warmup, calibrationAlpha, suppressionMinutes,
                    suppressionFactor);
            d.center = center;
            d.meanAbsDeviation = meanAbsDeviation;
            d.seasonal = SeasonalModel.restore(seasonal, SeasonalDetector.DEFAULTS);
            calibrations.get(0).restoreInto(d.level);
            calibrations.get(1).restoreInto(d.variance);
            calibrations.get(2).restoreInto(d.flat);
            calibrations.get(3).restoreInto(d.seasonalTail);
            d.recent.restore(suppressionWindow, suppressionTick);
            d.n = n;
            d.stepMillis = stepMillis;
            d.lastMillis = n == 0 ? 0 : counters.lastTimestampMillis();
            d.suppressionSeconds = suppressionSeconds(suppressionMinutes, stepMillis);
            d.previous = previous;
            d.shortMean = shortMean;
            d.diffShort = diffShort;
            d.diffLong = diffLong;
            d.flatRun = flatRun;
            d.longestRun = longestRun;
            d.magnitudeMean = magnitudeMean;
            d.magnitudeVariance = magnitudeVariance;
            d.magnitudeCount = magnitudeCount;
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
                    && suppressionMinutes == s.suppressionMinutes && suppressionFactor == s.suppressionFactor
                    && Double.compare(center, s.center) == 0
                    && Double.compare(meanAbsDeviation, s.meanAbsDeviation) == 0
                    && seasonal.equals(s.seasonal) && calibrations.equals(s.calibrations)
                    && Arrays.equals(suppressionWindow, s.suppressionWindow)
                    && suppressionTick == s.suppressionTick && stepMillis == s.stepMillis && n == s.n
                    && Double.compare(previous, s.previous) == 0 && Double.compare(shortMean, s.shortMean) == 0
                    && Double.compare(diffShort, s.diffShort) == 0 && Double.compare(diffLong, s.diffLong) == 0
                    && flatRun == s.flatRun && longestRun == s.longestRun
                    && Double.compare(magnitudeMean, s.magnitudeMean) == 0
                    && Double.compare(magnitudeVariance, s.magnitudeVariance) == 0
                    && magnitudeCount == s.magnitudeCount && counters.equals(s.counters);
        }

        @Override
        public int hashCode() {
            return Double.hashCode(center) * 31 + Long.hashCode(n);
        }
    }
}
