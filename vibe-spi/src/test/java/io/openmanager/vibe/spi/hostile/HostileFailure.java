package io.openmanager.vibe.spi.hostile;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * A failure that cannot be described: its message, its {@code toString} and its stack trace all throw. Found by an
 * adversarial trial (issue 17, finding 13): it escaped the Dispatcher's isolation through the logger.
 */
final class HostileFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HostileFailure() {
        super(null, null, false, false);
    }

    @Override
    public String getMessage() {
        throw new IllegalStateException("getMessage");
    }

    @Override
    public String getLocalizedMessage() {
        throw new IllegalStateException("getLocalizedMessage");
    }

    @Override
    public String toString() {
        throw new IllegalStateException("toString");
    }

    @Override
    public StackTraceElement[] getStackTrace() {
        throw new IllegalStateException("getStackTrace");
    }

    @Override
    public void printStackTrace(PrintStream s) {
        throw new IllegalStateException("printStackTrace");
    }

    @Override
    public void printStackTrace(PrintWriter s) {
        throw new IllegalStateException("printStackTrace");
    }
}
