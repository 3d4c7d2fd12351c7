package io.openmanager.vibe.analytics.detect;

/**
 * Counts of the input a detector has seen.
 *
 * @param accepted            values scored and learned from
 * @param skippedNonFinite    values skipped because they were infinite or beyond
 *                            &plusmn;{@link AbstractAnomalyDetector#MAX_MAGNITUDE} (and, for a detector of vectors, a
 *                            vector holding such a value or a NaN)
 * @param skippedOutOfOrder   values skipped because their timestamp was not after the last accepted one
 * @param lastTimestampMillis the timestamp of the last accepted value, {@link Long#MIN_VALUE} before the first
 * @param missing             missing values (NaN: a gap in the series), scored 0 and not learned from
 */
public record InputCounters(long accepted, long skippedNonFinite, long skippedOutOfOrder, long lastTimestampMillis,
                            long missing) {

    /** The largest count: 2^62, beyond what a detector sees in a century at a billion values a second. */
    public static final long MAX_COUNT = 1L << 62;

    /**
     * Checks the counts: none negative or above {@link #MAX_COUNT}, and no last timestamp before anything was
     * accepted.
     *
     * @throws IllegalArgumentException naming the field and value
     */
    public InputCounters {
        if (accepted < 0 || skippedNonFinite < 0 || skippedOutOfOrder < 0 || missing < 0 || accepted > MAX_COUNT
                || skippedNonFinite > MAX_COUNT || skippedOutOfOrder > MAX_COUNT || missing > MAX_COUNT) {
            throw new IllegalArgumentException("input counts must be in [0, 2^62]: accepted=" + accepted
                    + ", skippedNonFinite=" + skippedNonFinite + ", skippedOutOfOrder=" + skippedOutOfOrder
                    + ", missing=" + missing);
        }
        if (accepted == 0 && lastTimestampMillis != Long.MIN_VALUE) {
            throw new IllegalArgumentException("lastTimestampMillis must be Long.MIN_VALUE while nothing is accepted: "
                    + lastTimestampMillis);
        }
    }

    /** The counters of a detector that has seen nothing. */
    public static final InputCounters NONE = new InputCounters(0, 0, 0, Long.MIN_VALUE, 0);

    /** Counters without missing values. */
    public InputCounters(long accepted, long skippedNonFinite, long skippedOutOfOrder, long lastTimestampMillis) {
        this(accepted, skippedNonFinite, skippedOutOfOrder, lastTimestampMillis, 0);
    }

    /**
     * Values not learned from, for any reason: missing (gaps), non-finite or out of order. For the input a detector
     * refused as bad, leave out the gaps: {@code skippedNonFinite() + skippedOutOfOrder()}.
     */
    public long skipped() {
        return missing + skippedNonFinite + skippedOutOfOrder;
    }
}
