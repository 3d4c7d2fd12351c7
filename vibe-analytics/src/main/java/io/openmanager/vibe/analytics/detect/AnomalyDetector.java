package io.openmanager.vibe.analytics.detect;

/**
 * A streaming anomaly detector: it consumes one value of one series at a time and scores it.
 *
 * <p>Every implementation keeps these promises:
 * <ul>
 *   <li><b>Score range.</b> {@link #update} returns a finite score in [0, 1]; higher means more anomalous.</li>
 *   <li><b>Causality.</b> The score of a value depends only on the values accepted before it and on itself.</li>
 *   <li><b>Cost.</b> O(1) or O(log w) per value and no allocation in steady state.</li>
 *   <li><b>Never throws from {@link #update}.</b> Bad input follows the policy of {@link AbstractAnomalyDetector}:
 *       a NaN is a missing value (a gap: score 0, counted as missing), infinite values and duplicate or
 *       out-of-order timestamps are skipped (score 0); all are counted in {@link #inputCounters()}.</li>
 *   <li><b>Warm-up.</b> While a detector is learning it scores 0 ({@link #isWarm()} is false).</li>
 *   <li><b>State.</b> {@link #snapshot()} returns an immutable record; {@link DetectorSnapshot#restore()} gives a
 *       detector whose continuation is bit-identical to the uninterrupted one.</li>
 * </ul>
 * A detector is not thread-safe: one series, one thread at a time.
 */
public interface AnomalyDetector {

    /**
     * Scores one value and learns from it.
     *
     * @param timestampMillis the value's time, epoch milliseconds; must increase strictly from value to value
     * @param value           the value; NaN for a missing value
     * @return the anomaly score in [0, 1]; 0 while warming up, for a missing value and for skipped input
     */
    double update(long timestampMillis, double value);

    /**
     * The value this detector expected for the last value it accepted, as it stood before learning that value;
     * NaN when it has none (warming up, nothing accepted yet, or a detector without an expectation). Reading it
     * costs no allocation; it is meant to be read right after {@link #update} returns a high score. A snapshot need
     * not hold it: a restored detector reports the same expectation or NaN until its next update.
     *
     * <p>The default implementation returns NaN.
     */
    default double expected() {
        return Double.NaN;
    }

    /**
     * The lower end of the range of values this detector considered normal for the last value it accepted (same
     * timing as {@link #expected()}). For z-score detectors the range is {@link #expected()} &plusmn;
     * {@value #RANGE_SCALES} of the detector's scale; negative infinity when the range is open below; NaN when
     * unknown. The default implementation returns NaN.
     */
    default double lowerBound() {
        return Double.NaN;
    }

    /**
     * The upper end of that range (see {@link #lowerBound()}); positive infinity when open above, NaN when unknown.
     * The default implementation returns NaN.
     */
    default double upperBound() {
        return Double.NaN;
    }

    /** Half-width of the normal range of z-score detectors, in units of their scale (standard deviations). */
    double RANGE_SCALES = 3.0;

    /** The detector's registered name, as used by {@link AnomalyDetectors#create(String, java.util.Map)}. */
    String name();

    /** True once the warm-up is over and scores can be non-zero. */
    boolean isWarm();

    /** How many values were accepted and how many were skipped, by reason. */
    InputCounters inputCounters();

    /** The complete state as an immutable record (serialisable to JSON with Jackson). */
    DetectorSnapshot snapshot();
}
