package io.openmanager.vibe.core.internal;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Argument checks shared by the value types. Every failure names the field and quotes the offending value so that a
 * user reading only the message can find the mistake.
 */
public final class Checks {
    private Checks() {
    }

    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new NullPointerException(field + " must not be null");
        }
        return value;
    }

    public static String notBlank(String field, String value) {
        notNull(field, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank: '" + value + "'");
        }
        return value;
    }

    /** Checks a name made of ASCII letters, digits, '.', '_' and '-' (hostnames, metric names, label keys). */
    public static String identifier(String field, String value) {
        notBlank(field, value);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                throw new IllegalArgumentException(field + " must contain only letters, digits, '.', '_' and '-': '"
                        + value + "' has '" + c + "' at index " + i);
            }
        }
        return value;
    }

    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be finite: " + value);
        }
        return value;
    }

    public static double nonNegative(String field, double value) {
        finite(field, value);
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0: " + value);
        }
        return value;
    }

    public static int nonNegative(String field, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0: " + value);
        }
        return value;
    }

    /**
     * Copies a map of labels, refusing invalid keys and null values. The copy iterates in key order, so that anything
     * derived from labels is the same on every run (the iteration order of {@code Map.copyOf} changes between runs).
     */
    public static Map<String, String> labels(String field, Map<String, String> labels) {
        notNull(field, labels);
        for (Map.Entry<String, String> e : labels.entrySet()) {
            identifier(field + " key", e.getKey());
            Objects.requireNonNull(e.getValue(), () -> field + " value for key '" + e.getKey() + "' must not be null");
        }
        return Collections.unmodifiableMap(new TreeMap<>(labels));
    }
}
