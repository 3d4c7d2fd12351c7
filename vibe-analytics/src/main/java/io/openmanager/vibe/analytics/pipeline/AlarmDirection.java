package io.openmanager.vibe.analytics.pipeline;

/**
 * Which way a metric's deviations hurt, so that the other way raises no alarm: a disk that fills is an incident, a
 * disk that a clean-up empties is not; a request rate that falls is one, a busy hour is not. The direction of an
 * anomaly is the side of the detector's expectation
 * ({@link io.openmanager.vibe.analytics.detect.AnomalyDetector#expected()}) the value lies on; a detector without an
 * expectation (NaN) is not filtered.
 */
public enum AlarmDirection {
    /** Only values above the expectation alarm (usage, saturation, latency, error counts). */
    UP,
    /** Only values below the expectation alarm (throughput, request rates, free space). */
    DOWN,
    /** Both ways alarm (traffic, where a surge and an outage are both incidents). */
    BOTH;

    /** Whether an anomalous {@code value} alarms, given what the detector {@code expected} (NaN: unknown). */
    public boolean alarms(double value, double expected) {
        if (this == BOTH || Double.isNaN(expected)) {
            return true;
        }
        return this == UP ? value > expected : value < expected;
    }
}
