package io.openmanager.vibe.analytics.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A labelled anomaly window: the closed time interval {@code [start, end]}, both ends included. NAB's
 * {@code combined_windows.json} holds these per data file; Vibe's simulator labels each scenario activation with one.
 *
 * @param start first instant of the window
 * @param end   last instant of the window; not before {@code start}
 */
public record AnomalyWindow(Instant start, Instant end) {

    /** Validates the fields; the message names both instants. */
    public AnomalyWindow {
        Objects.requireNonNull(start, "start must not be null");
        Objects.requireNonNull(end, "end must not be null");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("window end must not be before its start: start " + start
                    + ", end " + end);
        }
    }

    /** Whether {@code instant} lies in the window, ends included. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && !instant.isAfter(end);
    }

    /** The length of the window; zero for a window of one instant. */
    public Duration duration() {
        return Duration.between(start, end);
    }
}
