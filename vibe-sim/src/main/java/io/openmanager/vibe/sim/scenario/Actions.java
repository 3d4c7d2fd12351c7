package io.openmanager.vibe.sim.scenario;

import java.time.Duration;
import java.util.Objects;

/** Validation and formatting shared by the {@link Action} records. */
final class Actions {
    private Actions() {
    }

    static void check(String metric, String action, double value) {
        Objects.requireNonNull(metric, () -> action + ": metric must not be null");
        if (metric.isBlank()) {
            throw new IllegalArgumentException(action + ": metric must not be blank: '" + metric + "'");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(action + " " + metric + ": value must be finite: " + value);
        }
    }

    static void positive(String field, Duration duration) {
        Objects.requireNonNull(duration, () -> field + " must not be null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(field + " must be positive: " + duration(duration));
        }
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** Formats a duration in the scenario language: {@code 90s}, {@code 20m}, {@code 6h}, {@code 1500ms}. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 86_400_000L == 0) {
            return millis / 86_400_000L + "d";
        }
        if (millis % 3_600_000L == 0) {
            return millis / 3_600_000L + "h";
        }
        if (millis % 60_000L == 0) {
            return millis / 60_000L + "m";
        }
        if (millis % 1000L == 0) {
            return millis / 1000L + "s";
        }
        return millis + "ms";
    }
}
