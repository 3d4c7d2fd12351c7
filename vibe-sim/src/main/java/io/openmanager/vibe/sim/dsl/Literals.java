package io.openmanager.vibe.sim.dsl;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** Numbers and durations of the scenario language, read and written the same way by the DSL and by JSON. */
final class Literals {
    /** Longer numbers are refused before conversion, which keeps reading them cheap whatever the input. */
    static final int MAX_LITERAL_LENGTH = 64;
    static final long MAX_DURATION_MILLIS = 36_500L * 86_400_000L;
    static final String MAX_DURATION_TEXT = "36500d (100 years)";
    static final String DURATION_EXAMPLES = "a duration such as 30s, 5m, 2h or 1h30m";

    private static final String[] UNITS = {"d", "h", "m", "s", "ms"};
    private static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1000L, 1L};
    private static final Map<String, String> UNIT_ALIASES = Map.ofEntries(
            Map.entry("day", "d"), Map.entry("days", "d"), Map.entry("D", "d"),
            Map.entry("hr", "h"), Map.entry("hrs", "h"), Map.entry("hour", "h"), Map.entry("hours", "h"),
            Map.entry("H", "h"),
            Map.entry("min", "m"), Map.entry("mins", "m"), Map.entry("minute", "m"), Map.entry("minutes", "m"),
            Map.entry("M", "m"),
            Map.entry("sec", "s"), Map.entry("secs", "s"), Map.entry("second", "s"), Map.entry("seconds", "s"),
            Map.entry("S", "s"),
            Map.entry("msec", "ms"), Map.entry("msecs", "ms"), Map.entry("millis", "ms"), Map.entry("MS", "ms"),
            Map.entry("milliseconds", "ms"), Map.entry("us", "ms"), Map.entry("ns", "ms"));

    private Literals() {
    }

    /**
     * A literal that does not read. {@code from} and {@code to} locate the offending part inside the literal, so the
     * caret can point at the unit of {@code 5min} rather than at its first digit.
     */
    static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;
        final String hint;
        final int from;
        final int to;

        Bad(String message, String hint, int from, int to) {
            super(message, null, false, false);
            this.hint = hint;
            this.from = from;
            this.to = to;
        }
    }

    /** The end of the longest prefix of {@code s} from {@code from} that is a number ({@code -1.5e3}), or -1. */
    static int numberEnd(String s, int from, boolean signed) {
        int i = from;
        if (signed && i < s.length() && s.charAt(i) == '-') {
            i++;
        }
        int digits = digits(s, i);
        if (digits == i) {
            return -1;
        }
        i = digits;
        if (i + 1 < s.length() && s.charAt(i) == '.' && isDigit(s.charAt(i + 1))) {
            i = digits(s, i + 1);
        }
        if (i + 1 < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            int exponent = digits(s, j);
            if (exponent > j) {
                i = exponent;
            }
        }
        return i;
    }

    /**
     * Reads a whole string as a finite number.
     *
     * @param what what the number is, for messages ("a value", "a probability")
     */
    static double number(String s, String what) throws Bad {
        if (s.length() > MAX_LITERAL_LENGTH) {
            throw new Bad("number is too long: " + s.length() + " characters, at most " + MAX_LITERAL_LENGTH,
                    "", 0, s.length());
        }
        int end = numberEnd(s, 0, true);
        if (end < 0) {
            throw new Bad("expected " + what + " (a number such as 42, -3.5 or 1e6), found " + Words.quote(s),
                    s.endsWith("%") ? "write the number without '%'" : "", 0, s.length());
        }
        if (end < s.length()) {
            String rest = s.substring(end);
            throw new Bad("unexpected " + Words.quote(rest) + " after the number " + Words.quote(s.substring(0, end)),
                    rest.chars().allMatch(Character::isLetter)
                            ? "numbers carry no unit here; the metric's unit is implied" : "",
                    end, s.length());
        }
        double value = Double.parseDouble(s);
        if (Double.isInfinite(value)) {
            throw new Bad("number " + s + " is out of range", "", 0, s.length());
        }
        return value;
    }

    /** Reads a whole string as a duration: {@code 500ms}, {@code 30s}, {@code 1h30m}, {@code 1.5h}. */
    static Duration duration(String s) throws Bad {
        if (s.length() > MAX_LITERAL_LENGTH) {
            throw new Bad("duration is too long: " + s.length() + " characters, at most " + MAX_LITERAL_LENGTH, "",
                    0, s.length());
        }
        if (s.startsWith("-")) {
            throw new Bad("durations cannot be negative: " + Words.quote(s), "", 0, s.length());
        }
        BigDecimal total = BigDecimal.ZERO;
        int lastUnit = -1;
        int i = 0;
        while (i < s.length() || i == 0) {
            int numberEnd = digits(s, i);
            if (numberEnd == i) {
                throw new Bad(i == 0 ? "expected " + DURATION_EXAMPLES + ", found " + Words.quote(s)
                        : "unexpected " + Words.quote(s.substring(i)) + " in duration " + Words.quote(s),
                        "", i, s.length());
            }
            if (numberEnd + 1 < s.length() && s.charAt(numberEnd) == '.' && isDigit(s.charAt(numberEnd + 1))) {
                numberEnd = digits(s, numberEnd + 1);
            }
            int unitEnd = numberEnd;
            while (unitEnd < s.length() && Character.isLetter(s.charAt(unitEnd))) {
                unitEnd++;
            }
            String number = s.substring(i, numberEnd);
            String unit = s.substring(numberEnd, unitEnd);
            if (unit.isEmpty()) {
                if (numberEnd < s.length()) {
                    throw new Bad("unexpected " + Words.quote(s.substring(numberEnd)) + " in duration "
                            + Words.quote(s), "", numberEnd, s.length());
                }
                throw new Bad("missing unit in duration " + Words.quote(s),
                        "write " + number + "ms, " + number + "s, " + number + "m, " + number + "h or " + number + "d",
                        numberEnd, numberEnd + 1);
            }
            int u = unitIndex(unit);
            if (u < 0) {
                String alias = UNIT_ALIASES.get(unit);
                throw new Bad("unknown unit " + Words.quote(unit) + " in duration " + Words.quote(s),
                        alias != null ? "did you mean '" + number + alias + "'?" : "units are ms, s, m, h and d",
                        numberEnd, unitEnd);
            }
            if (u <= lastUnit) {
                throw new Bad("units of a duration go from the largest to the smallest, each once: "
                        + Words.quote(s), "for example 1h30m or 2m30s", i, unitEnd);
            }
            lastUnit = u;
            total = total.add(new BigDecimal(number).multiply(BigDecimal.valueOf(UNIT_MILLIS[u])));
            i = unitEnd;
        }
        if (total.compareTo(BigDecimal.valueOf(MAX_DURATION_MILLIS)) > 0) {
            throw new Bad("duration " + Words.quote(s) + " is longer than " + MAX_DURATION_TEXT, "", 0, s.length());
        }
        if (total.stripTrailingZeros().scale() > 0) {
            throw new Bad("duration " + Words.quote(s) + " is not a whole number of milliseconds", "", 0,
                    s.length());
        }
        return Duration.ofMillis(total.longValueExact());
    }

    private static int unitIndex(String unit) {
        for (int u = 0; u < UNITS.length; u++) {
            if (UNITS[u].equals(unit)) {
                return u;
            }
        }
        return -1;
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The canonical text of a number: integers without a fraction ({@code 95}), others in Java's shortest
     * round-tripping form with a lower-case exponent ({@code 0.15}, {@code 1e-5}); {@code -0} keeps its sign.
     */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot write " + value + ": numbers must be finite");
        }
        if (value == 0) {
            return Double.doubleToRawLongBits(value) < 0 ? "-0" : "0";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = Double.toString(value);
        int e = text.indexOf('E');
        if (e < 0) {
            return text;
        }
        String mantissa = text.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + text.substring(e + 1);
    }

    /**
     * The canonical text of a duration: a whole number of its largest exact unit ({@code 90m}, {@code 1500ms}).
     *
     * @throws IllegalArgumentException if it is negative, finer than a millisecond or longer than the language allows
     */
    static String duration(Duration duration) {
        if (duration.isNegative() || duration.getNano() % 1_000_000 != 0
                || duration.compareTo(Duration.ofMillis(MAX_DURATION_MILLIS)) > 0) {
            throw new IllegalArgumentException("cannot write duration " + duration + " in the scenario language:"
                    + " durations are whole milliseconds from 0 to " + MAX_DURATION_TEXT);
        }
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        for (int u = 0; u < UNITS.length; u++) {
            if (millis % UNIT_MILLIS[u] == 0) {
                return millis / UNIT_MILLIS[u] + UNITS[u];
            }
        }
        throw new AssertionError("milliseconds divide every duration");
    }
}
