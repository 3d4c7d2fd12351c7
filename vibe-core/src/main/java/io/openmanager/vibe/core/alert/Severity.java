package io.openmanager.vibe.core.alert;

import io.openmanager.vibe.core.status.Status;

/** How urgent an alert is. */
public enum Severity {
    /** Worth knowing; no action needed. */
    INFO,
    /** Needs attention soon. */
    WARNING,
    /** Needs action now. */
    CRITICAL;

    /** The severity that a status raises: WARNING for WARNING, CRITICAL for CRITICAL and OFFLINE, else INFO. */
    public static Severity of(Status status) {
        switch (status) {
            case CRITICAL:
            case OFFLINE:
                return CRITICAL;
            case WARNING:
                return WARNING;
            default:
                return INFO;
        }
    }
}
