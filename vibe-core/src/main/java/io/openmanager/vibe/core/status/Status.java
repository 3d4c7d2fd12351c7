package io.openmanager.vibe.core.status;

/** The state of one metric or of a whole server, from best to worst (see {@link #isWorseThan(Status)}). */
public enum Status {
    /** Every metric below its warning threshold. */
    HEALTHY,
    /** At least one metric at or above its warning threshold. */
    WARNING,
    /** At least one metric at or above its critical threshold. */
    CRITICAL,
    /** The server reports no values at all. */
    OFFLINE;

    /** Whether this status is worse than another ({@code OFFLINE > CRITICAL > WARNING > HEALTHY}). */
    public boolean isWorseThan(Status other) {
        return ordinal() > other.ordinal();
    }

    /** The worse of two statuses. */
    public static Status worst(Status a, Status b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
