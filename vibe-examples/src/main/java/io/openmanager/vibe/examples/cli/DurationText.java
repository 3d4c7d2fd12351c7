package io.openmanager.vibe.examples.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.Locale;

/**
 * Durations as people type them: whole numbers with a unit, {@code 500ms}, {@code 5s}, {@code 20m}, {@code 12h},
 * {@code 7d}, or several of them in a row, {@code 1h30m}. A bare {@code 0} is zero. Case and surrounding spaces do not
 * matter; signs, fractions and spaces inside do not parse.
 */
final class DurationText {
    static final String EXPECTED = "expected a whole number and a unit: ms, s, m, h or d, as in 500ms, 5s, 20m, 12h, "
            + "7d or 1h30m";

    private DurationText() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException quoting the text and saying what is expected
     */
    static Duration parse(String text) {
        String rest = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (rest.equals("0")) {
            return Duration.ZERO;
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' (" + EXPECTED + ")");
        }
        long millis = 0;
        int i = 0;
        while (i < rest.length()) {
            int digits = i;
            while (i < rest.length() && rest.charAt(i) >= '0' && rest.charAt(i) <= '9') {
                i++;
            }
            int unit = i;
            while (i < rest.length() && rest.charAt(i) >= 'a' && rest.charAt(i) <= 'z') {
                i++;
            }
            if (digits == unit || unit == i) {
                throw new IllegalArgumentException("'" + text + "' (" + EXPECTED + ")");
            }
            long unitMillis = unitMillis(rest.substring(unit, i), text);
            try {
                millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(rest.substring(digits, unit)),
                        unitMillis));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("'" + text + "' is too long", e);
            }
        }
        return Duration.ofMillis(millis);
    }

    private static long unitMillis(String unit, String text) {
        switch (unit) {
            case "ms":
                return 1;
            case "s":
                return 1_000;
            case "m":
                return 60_000;
            case "h":
                return 3_600_000;
            case "d":
                return 86_400_000;
            default:
                throw new IllegalArgumentException("'" + text + "' has the unknown unit '" + unit + "' (" + EXPECTED
                        + ")");
        }
    }

    /** A duration in the same notation, largest units first: {@code 1h30m}, {@code 500ms}, {@code 0s}. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        if (millis < 0) {
            text.append('-');
            millis = -millis;
        }
        long[] sizes = {86_400_000, 3_600_000, 60_000, 1_000, 1};
        String[] units = {"d", "h", "m", "s", "ms"};
        for (int u = 0; u < sizes.length; u++) {
            if (millis >= sizes[u]) {
                text.append(millis / sizes[u]).append(units[u]);
                millis %= sizes[u];
            }
        }
        return text.toString();
    }

    /** Converts option values; ErrorReporter prefixes "invalid value for --option: ". */
    static final class Converter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
