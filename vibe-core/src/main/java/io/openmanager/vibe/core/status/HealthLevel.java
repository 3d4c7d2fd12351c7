package io.openmanager.vibe.core.status;

/** A coarse reading of a {@link HealthScore}. */
public enum HealthLevel {
    /** Score 80 to 100. */
    HEALTHY,
    /** Score 50 to 79. */
    WARNING,
    /** Score 0 to 49. */
    CRITICAL
}
