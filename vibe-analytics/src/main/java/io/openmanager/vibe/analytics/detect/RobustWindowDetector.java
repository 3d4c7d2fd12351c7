package io.openmanager.vibe.analytics.detect;

/**
 * Robust z-score against a sliding window: the value is compared with the median of the previous {@code window}
 * values, on the scale {@code IQR / 1.349} (the interquartile range of a normal law is 1.349 sigma). The IQR is used
 * instead of the MAD because it needs only order statistics of the window, which an order-statistic tree on
 * preallocated arrays gives in O(log w) per value; the MAD would need order statistics of the deviations. Score:
 * {@code erf(|z| / sqrt 2)}. A spike barely moves the median and the IQR, so it stands out even in a noisy window.
 *
 * <p>{@link #expected()} is the window's median and the range is the median &plusmn; 3 robust scales
 * ({@code IQR / 1.349}) of the window before the value.
 *
 * <p>Parameters (name, default): {@code window} 256 values (>= 8), {@code warmup} 32 values (>= 4, at most window).
 */
public final class RobustWindowDetector extends CenteredDetector {
    /** The registered name. */
    public static final String NAME = "robust-window";
    /** Default {@code window}. */
    public static final int DEFAULT_WINDOW = 256;
    /** Default {@code warmup}. */
    public static final int DEFAULT_WARMUP = 32;
    /** The largest {@code window}: 2^20 values, about 36 MB of state. */
    public static final int MAX_WINDOW = 1 << 20;

    private final int warmup;
    private final OrderStatisticWindow window;

    /** With the defaults. */
    public RobustWindowDetector() {
        this(DEFAULT_WINDOW, DEFAULT_WARMUP);
    }

    /**
     * @param window values compared against, in [8, {@value #MAX_WINDOW}]
     * @param warmup values learned before scoring, in [4, window]
     */
    public RobustWindowDetector(int window, int warmup) {
        Scores.checkAtLeast("window", window, 8);
        Scores.checkAtMost("window", window, MAX_WINDOW);
        this.warmup = Scores.checkAtLeast("warmup", warmup, 4);
        if (warmup > window) {
            throw new IllegalArgumentException("warmup must be at most window (" + window + "): " + warmup);
        }
        this.window = new OrderStatisticWindow(window);
    }

    @Override
    protected double score(long timestampMillis, double value) {
        double score = 0.0;
        if (window.count() >= warmup) {
            score = Scores.fromZ(zScore(value));
        }
        window.add(value);
        return score;
    }

    /** The value's robust z-score against the current window (the window must not be empty). */
    double zScore(double value) {
        double median = window.quantile(0.5);
        double scale = Scores.floorScale((window.quantile(0.75) - window.quantile(0.25)) / 1.349, median);
        expect(median, scale);
        return (value - median) / scale;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isWarm() {
        return window.count() >= warmup;
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot(window.capacity(), warmup, window.toArrayOldestFirst(), window.inserted(),
                inputCounters());
    }

    /**
     * The state of a {@link RobustWindowDetector}.
     *
     * @param window   parameter
     * @param warmup   parameter
     * @param values   the window's values, oldest first
     * @param inserted values inserted in total
     * @param counters input counters
     */
    public record Snapshot(int window, int warmup, double[] values, long inserted, InputCounters counters)
            implements DetectorSnapshot {
        /**
         * Refuses a state no detector could have written (naming the field and value), then copies the values: a
         * window or warm-up out of range, more values than the window holds or than were inserted, a window not
         * full although more were inserted, a value a detector would have skipped (NaN, infinite, beyond
         * &plusmn;{@link AbstractAnomalyDetector#MAX_MAGNITUDE}), an insertion count other than the accepted one.
         */
        public Snapshot {
            Scores.checkAtLeast("window", window, 8);
            Scores.checkAtMost("window", window, MAX_WINDOW);
            Scores.checkAtLeast("warmup", warmup, 4);
            if (warmup > window) {
                throw new IllegalArgumentException("warmup must be at most window (" + window + "): " + warmup);
            }
            java.util.Objects.requireNonNull(values, "values");
            Scores.checkCounters(counters, "inserted", inserted);
            if (values.length != Math.min(inserted, (long) window)) {
                throw new IllegalArgumentException("values must hold min(inserted, window) = "
                        + Math.min(inserted, (long) window) + " values: " + values.length);
            }
            for (int i = 0; i < values.length; i++) {
                if (!(Math.abs(values[i]) <= AbstractAnomalyDetector.MAX_MAGNITUDE)) {
                    throw new IllegalArgumentException("values[" + i + "] must be a value a detector accepts: "
                            + values[i]);
                }
            }
            values = values.clone();
        }

        /** A copy of the window's values, oldest first. */
        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public RobustWindowDetector restore() {
            RobustWindowDetector d = new RobustWindowDetector(window, warmup);
            d.window.restore(values, inserted);
            d.restoreInputCounters(counters);
            return d;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot && java.util.Arrays.equals(values, ((Snapshot) o).values)
                    && window == ((Snapshot) o).window && warmup == ((Snapshot) o).warmup
                    && inserted == ((Snapshot) o).inserted && counters.equals(((Snapshot) o).counters);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(values) * 31 + Long.hashCode(inserted);
        }
    }
}
