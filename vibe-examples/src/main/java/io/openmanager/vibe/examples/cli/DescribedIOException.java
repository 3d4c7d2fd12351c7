package io.openmanager.vibe.examples.cli;

import java.io.IOException;

/**
 * An I/O failure whose message is written for the user and names what failed (the option and file, the line and
 * column), so that it is printed alone, without the exception's type.
 */
class DescribedIOException extends IOException {
    private static final long serialVersionUID = 1L;

    DescribedIOException(String message) {
        super(message);
    }

    DescribedIOException(String message, Throwable cause) {
        super(message, cause);
    }
}
