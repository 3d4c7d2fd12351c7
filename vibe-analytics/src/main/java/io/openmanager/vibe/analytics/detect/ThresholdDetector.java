package io.openmanager.vibe.analytics.detect;

/**
 * A static threshold with hysteresis, like a status table: the alarm is raised when the value reaches
 * {@code raiseAt} and cleared only when it falls to {@code clearAt} or below, so a value hovering around the
 * threshold does not flap. Scores 1 while the alarm is raised, otherwise {@code value / raiseAt} scaled into
 * [0, 0.5) as a hint of how close the value is (0 for values at or below 0). No warm-up.
 *
 * <p>Parameters (name, default): {@code raiseAt} 90, {@code clearAt} 80; {@code clearAt <= raiseAt}.
 */
public final class ThresholdDetector extends AbstractAnomalyDetector {
    /** The registered name. */
    public static final String NAME = "threshold";
    /** Default {@code raiseAt}: 90 (percent, as in the status table's critical CPU). */
    public static final double DEFAULT_RAISE_AT = 90.0;
    /** Default {@code clearAt}: 80. */
    public static final double DEFAULT_CLEAR_AT = 80.0;

    private final double raiseAt;
    private final double clearAt;
    private boolean raised;
    // The bound the last value was held against (raiseAt, or clearAt while raised); not part of the snapshot.
    private double bound = Double.NaN;

    /** With the defaults. */
    public ThresholdDetector() {
        this(DEFAULT_RAISE_AT, DEFAULT_CLEAR_AT);
    }

    /**
     * @param raiseAt the value at or above which the alarm is raised
     * @param clearAt the value at or below which a raised alarm clears; at most {@code raiseAt}
     */
    public ThresholdDetector(double raiseAt, double clearAt) {
        if (!Double.isFinite(raiseAt) || !Double.isFinite(clearAt) || clearAt > raiseAt) {
            throw new IllegalArgumentException("raiseAt and clearAt must be finite with clearAt <= raiseAt: raiseAt="
                    + raiseAt + ", clearAt=" + clearAt);
        }
        this.raiseAt = raiseAt;
        this.clearAt = clearAt;
    }

    @Override
    protected double score(long timestampMillis, double value) {
        bound = raised ? clearAt : raiseAt;
        if (raised) {
            if (value <= clearAt) {
                raised = false;
            }
        } else if (value >= raiseAt) {
            raised = true;
        }
        if (raised) {
            return 1.0;
        }
        if (raiseAt <= 0 || value <= 0) {
            return 0.0;
        }
        return 0.5 * Math.min(value / raiseAt, 0.999);
    }

    /** NaN: a threshold has no expected value, only a bound. */
    @Override
    public double expected() {
        return Double.NaN;
    }

    /** Negative infinity once a value was accepted (the range is open below), else NaN. */
    @Override
    public double lowerBound() {
        return Double.isNaN(bound) ? Double.NaN : Double.NEGATIVE_INFINITY;
    }

    /**
     * The bound the last value was held against: {@code raiseAt}, or {@code clearAt} if the alarm was raised
     * before it (the value had to fall to {@code clearAt} to clear it); NaN before the first value.
     */
    @Override
    public double upperBound() {
        return bound;
    }

    /** True while the alarm is raised. */
    public boolean isRaised() {
        return raised;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isWarm() {
        return true;
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot(raiseAt, clearAt, raised, inputCounters());
    }

    /**
     * The state of a {@link ThresholdDetector}.
     *
     * @param raiseAt  parameter
     * @param clearAt  parameter
     * @param raised   whether the alarm is raised
     * @param counters input counters
     */
    public record Snapshot(double raiseAt, double clearAt, boolean raised, InputCounters counters)
            implements DetectorSnapshot {
        /**
         * Refuses a state no detector could have written (naming the field and value): non-finite or crossed
         * bounds, an alarm raised before any value was accepted.
         */
        public Snapshot {
            if (!Double.isFinite(raiseAt) || !Double.isFinite(clearAt) || clearAt > raiseAt) {
                throw new IllegalArgumentException("raiseAt and clearAt must be finite with clearAt <= raiseAt:"
                        + " raiseAt=" + raiseAt + ", clearAt=" + clearAt);
            }
            java.util.Objects.requireNonNull(counters, "counters");
            if (raised && counters.accepted() == 0) {
                throw new IllegalArgumentException("raised must be false while no value was accepted: " + raised);
            }
        }

        @Override
        public ThresholdDetector restore() {
            ThresholdDetector d = new ThresholdDetector(raiseAt, clearAt);
            d.raised = raised;
            d.restoreInputCounters(counters);
            return d;
        }
    }
}
