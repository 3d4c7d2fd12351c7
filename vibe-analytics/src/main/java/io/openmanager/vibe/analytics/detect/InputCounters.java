package io.openmanager.vibe.analytics.detect;

/**
 * Counts of the input a detector has seen.
 *
 * @param accepted            values scored and learned from
 * @param skippedNonFinite    values skipped because they were NaN, infinite or beyond
 *                            &plusmn;{@link AbstractAnomalyDetector#MAX_MAGNITUDE}
 * @param skippedOutOfOrder   values skipped because their timestamp was not after the last accepted one
 * @param lastTimestampMillis the timestamp of the last accepted value, {@link Long#MIN_VALUE} before the first
 */
public record InputCounters(long accepted, long skippedNonFinite, long skippedOutOfOrder, long lastTimestampMillis) {

    /** The counters of a detector that has seen nothing. */
    public static final InputCounters NONE = new InputCounters(0, 0, 0, Long.MIN_VALUE);

    /** Values skipped for any reason. */
    public long skipped() {
        return skippedNonFinite + skippedOutOfOrder;
    }
}
