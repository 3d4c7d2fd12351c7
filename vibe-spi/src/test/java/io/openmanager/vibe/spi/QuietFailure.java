package io.openmanager.vibe.spi;

/** A listener failure without a stack trace, so that tests which fail on purpose keep the build log short. */
final class QuietFailure extends RuntimeException {
    QuietFailure(String message) {
        super(message, null, false, false);
    }
}
