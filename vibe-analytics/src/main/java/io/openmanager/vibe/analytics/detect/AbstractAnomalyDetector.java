package io.openmanager.vibe.analytics.detect;

/**
 * The bad-input policy, implemented once. Subclasses implement {@link #score(long, double)}, which only ever sees
 * accepted input:
 * <ul>
 *   <li>a NaN is a missing value, a gap in the series (a CSV file's empty, {@code NaN}, {@code null} or {@code NA}
 *       cell): it scores 0, is not learned from, counts as {@link InputCounters#missing()}, and is reported to
 *       {@link #missing(long)}, so that a detector that follows a cycle can keep its phase;</li>
 *   <li>an infinite value, or one beyond &plusmn;{@value #MAX_MAGNITUDE} (whose square, which variance estimates
 *       need, would overflow and poison the state forever), is skipped: it scores 0, is not learned from, and counts
 *       as {@link InputCounters#skippedNonFinite()};</li>
 *   <li>a value whose timestamp is not strictly after the last accepted timestamp (a duplicate or out-of-order
 *       sample) is skipped the same way and counts as {@link InputCounters#skippedOutOfOrder()};</li>
 *   <li>gaps in time are accepted as they come: detectors here work on the sequence of values;</li>
 *   <li>a score that a subclass returns outside [0, 1] is clamped, and NaN becomes 0.</li>
 * </ul>
 */
public abstract class AbstractAnomalyDetector implements AnomalyDetector {
    /** The largest magnitude accepted; larger values are skipped like NaN. */
    public static final double MAX_MAGNITUDE = 1e100;

    private long accepted;
    private long missingCount;
    private long skippedNonFinite;
    private long skippedOutOfOrder;
    private long lastTimestampMillis = Long.MIN_VALUE;

    /** For subclasses. */
    protected AbstractAnomalyDetector() {
    }

    @Override
    public final double update(long timestampMillis, double value) {
        if (!accept(timestampMillis, value)) {
            return 0.0;
        }
        double score = score(timestampMillis, value);
        if (score >= 1.0) {
            return 1.0;
        }
        return score > 0.0 ? score : 0.0;
    }

    /** Applies the input policy: counts the value as accepted or skipped, and says which. */
    final boolean accept(long timestampMillis, double value) {
        if (!(Math.abs(value) <= MAX_MAGNITUDE)) {
            if (Double.isNaN(value) && accepted > 0 && timestampMillis <= lastTimestampMillis) {
                // A gap that does not move time on (a duplicate row) must not move a cycle's phase on either.
                skippedOutOfOrder++;
            } else if (Double.isNaN(value)) {
                missingCount++;
                missing(timestampMillis);
            } else {
                skippedNonFinite++;
            }
            return false;
        }
        if (accepted > 0 && timestampMillis <= lastTimestampMillis) {
            skippedOutOfOrder++;
            return false;
        }
        accepted++;
        lastTimestampMillis = timestampMillis;
        return true;
    }

    /**
     * Told of a missing value (NaN) at {@code timestampMillis}, after it was counted; the default does nothing. A
     * detector that follows a cycle of values advances its phase here. It must not throw.
     */
    protected void missing(long timestampMillis) {
    }

    /**
     * Scores an accepted, finite value whose timestamp is after the previous one, and learns from it.
     *
     * @return a score, ideally in [0, 1] (the caller clamps it)
     */
    protected abstract double score(long timestampMillis, double value);

    @Override
    public final InputCounters inputCounters() {
        return new InputCounters(accepted, skippedNonFinite, skippedOutOfOrder, lastTimestampMillis, missingCount);
    }

    /** Sets the counters, when restoring from a snapshot. */
    protected final void restoreInputCounters(InputCounters counters) {
        accepted = counters.accepted();
        missingCount = counters.missing();
        skippedNonFinite = counters.skippedNonFinite();
        skippedOutOfOrder = counters.skippedOutOfOrder();
        lastTimestampMillis = counters.lastTimestampMillis();
    }

    /** Values accepted so far (including the one being scored, inside {@link #score}). */
    protected final long accepted() {
        return accepted;
    }
}
