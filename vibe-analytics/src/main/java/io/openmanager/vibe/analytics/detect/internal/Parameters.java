package io.openmanager.vibe.analytics.detect.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads text parameters, naming the parameter and value when one is unknown or malformed. */
final class Parameters {
    private final String detector;
    private final Map<String, String> values;

    Parameters(String detector, Map<String, String> values, String... known) {
        this.detector = detector;
        this.values = values;
        Set<String> allowed = Set.of(known);
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "' for detector '" + detector
                        + "'; known: " + new TreeSet<>(allowed));
            }
        }
    }

    double getDouble(String name, double defaultValue) {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "' of detector '" + detector
                    + "' must be a number: '" + text + "'");
        }
    }

    int getInt(String name, int defaultValue) {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "' of detector '" + detector
                    + "' must be an integer: '" + text + "'");
        }
    }
}
