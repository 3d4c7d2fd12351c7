package io.openmanager.vibe.spi;

import io.openmanager.vibe.spi.event.VibeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ListenerErrorHandler#logging()}: the first failure of each listener in full, then counts at most once per
 * {@link #REPORT_INTERVAL}, and a last count at close. A listener that fails on every event of a long run thus gives a
 * handful of lines, not one stack trace per event. Nothing here trusts the failure: its message, its {@code toString}
 * and its stack trace are read inside {@code try} blocks.
 */
final class FailureLog implements ListenerErrorHandler {
    // Logged under the Dispatcher's name: that is the class users know and configure.
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final Duration REPORT_INTERVAL = Duration.ofMinutes(1);
    private static final int MAX_MESSAGE_CHARS = 500;

    private final InstantSource clock;
    // Null: log through SLF4J; otherwise no SLF4J provider is bound and one line per report goes here.
    private final PrintStream plain;
    private final ConcurrentHashMap<String, Tally> tallies = new ConcurrentHashMap<>();

    /** Per listener; guarded by itself. */
    private static final class Tally {
        long total;
        long unreported;
        Instant lastReport;
        String lastType;
    }

    FailureLog(InstantSource clock, PrintStream plain) {
        this.clock = clock;
        this.plain = plain;
    }

    /** Through SLF4J, or to standard error when SLF4J has no provider (it would drop every message). */
    static FailureLog create(InstantSource clock) {
        return new FailureLog(clock, slf4jBound() ? null : System.err);
    }

    private static boolean slf4jBound() {
        try {
            // Without a provider SLF4J 2 falls back to its no-operation factory.
            return !LoggerFactory.getILoggerFactory().getClass().getName().equals("org.slf4j.helpers.NOPLoggerFactory");
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public void onFailure(String listener, VibeEvent event, Throwable failure) {
        Tally tally = tallies.computeIfAbsent(listener, name -> new Tally());
        synchronized (tally) {
            tally.total++;
            Instant now = clock.instant();
            if (tally.total == 1) {
                tally.lastReport = now;
                first(listener, event, failure);
                return;
            }
            tally.unreported++;
            tally.lastType = failure == null ? "null" : failure.getClass().getName();
            if (now.isBefore(tally.lastReport) || !now.isBefore(tally.lastReport.plus(REPORT_INTERVAL))) {
                count(listener, tally, "in the last " + Duration.between(tally.lastReport, now).toSeconds() + " s");
                tally.lastReport = now;
            }
        }
    }

    /** Reports the failures not reported yet, once the dispatcher is closed. */
    void flush() {
        tallies.forEach((listener, tally) -> {
            synchronized (tally) {
                if (tally.unreported > 0) {
                    count(listener, tally, "since the last report");
                }
            }
        });
    }

    private void first(String listener, VibeEvent event, Throwable failure) {
        String what = "Vibe Dispatcher: listener '" + printable(listener) + "' threw " + describe(failure) + " on "
                + event.getClass().getSimpleName() + "; the event is skipped for this listener, delivery continues"
                + " (later failures are counted, at most one line a minute)";
        if (plain != null) {
            plain.println(what);
            return;
        }
        try {
            LOG.warn(what, failure);
        } catch (Throwable unprintable) {
            // The failure's toString or stack trace threw inside the logger: log what can be said without them.
            LOG.warn("{} (its stack trace cannot be printed: {})", what, describe(unprintable));
        }
    }

    private void count(String listener, Tally tally, String when) {
        String what = "Vibe Dispatcher: listener '" + printable(listener) + "' failed " + tally.unreported
                + " more time" + (tally.unreported == 1 ? "" : "s") + " " + when + " (" + tally.total + " in all;"
                + " latest: " + tally.lastType + ")";
        tally.unreported = 0;
        if (plain != null) {
            plain.println(what);
        } else {
            LOG.warn(what);
        }
    }

    static String describe(Throwable failure) {
        if (failure == null) {
            return "null";
        }
        String type = failure.getClass().getName();
        String message;
        try {
            message = failure.getMessage();
        } catch (Throwable unreadable) {
            return type + " (its message cannot be read: getMessage() threw "
                    + unreadable.getClass().getName() + ")";
        }
        return message == null ? type : type + ": " + printable(message);
    }

    /** Escapes control characters (a log line must not move the cursor or ring a bell) and caps the length. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_MESSAGE_CHARS) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= MAX_MESSAGE_CHARS) {
                return out.append("...").toString();
            }
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
