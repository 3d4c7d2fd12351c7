package io.openmanager.vibe.core.alert;

/** The level of a {@link LogEvent}, as in common logging frameworks. */
public enum LogLevel {
    /** Fine-grained diagnostics. */
    DEBUG,
    /** Normal operation. */
    INFO,
    /** Something unexpected that the server survived. */
    WARN,
    /** A failed operation. */
    ERROR
}
