package io.openmanager.vibe.analytics.pipeline;

import io.openmanager.vibe.analytics.detect.AnomalyDetector;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** The one-sentence explanation of an anomaly event. Runs only when an event is published, so it may allocate. */
final class Explanations {
    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private Explanations() {
    }

    /**
     * What changed, in the metric's unit, for example
     * {@code "cpu_usage 97.3 % is 56.1 points above the expected 41.2 % (6.1 sigmas; range 30.1..52.3)"}. Sigmas are
     * given only when the range has a width that shows at four significant digits: over a range that collapsed to a
     * point (a series that had not varied) they would be meaningless, so the sentence says only what changed
     * ({@code "disk_usage 37.2 % is 26.91 points below the expected 64.11 %, a level the series held without
     * spread"}). Numbers have four significant digits, printed without exponent and the same on every JDK; a
     * percentage's difference is in points.
     *
     * @param unit the metric's unit symbol ({@code "%"}, {@code "ms"}, {@code "MB/s"}; {@code "1"} or empty for
     *             none)
     */
    static String of(String metric, String unit, double value, double expected, double lower, double upper,
                     String detector, double score) {
        String u = unit == null || unit.isEmpty() || unit.equals("1") ? "" : " " + unit;
        String seen = metric + " " + number(value) + u;
        boolean hasExpected = !Double.isNaN(expected);
        boolean hasRange = !Double.isNaN(lower) && !Double.isNaN(upper);
        if (hasExpected && hasRange && Double.isFinite(lower) && Double.isFinite(upper) && upper >= lower) {
            boolean spread = upper > lower && !number(lower).equals(number(upper));
            String range = number(lower) + ".." + number(upper);
            if (value >= lower && value <= upper || value == expected) {
                return seen + (spread ? " is within the expected range " + range + u : " is at the expected "
                        + number(expected) + u) + ", but " + detector + " sees a change in the series (score "
                        + String.format(Locale.ROOT, "%.2f", score) + ")";
            }
            double delta = value - expected;
            String change = seen + " is " + number(Math.abs(delta)) + (u.equals(" %") ? " points" : u)
                    + (delta > 0 ? " above" : " below") + " the expected " + number(expected) + u;
            if (!spread) {
                return change + ", a level the series held without spread";
            }
            double sigma = (upper - lower) / (2.0 * AnomalyDetector.RANGE_SCALES);
            return change + " (" + String.format(Locale.ROOT, "%.1f", Math.abs(delta) / sigma) + " sigmas; range "
                    + range + ")";
        }
        if (hasRange && Double.isFinite(upper) && value >= upper) {
            return seen + (Double.isInfinite(lower) ? " is at or above the threshold " : " is above the range's end ")
                    + number(upper) + u;
        }
        if (hasRange && Double.isFinite(lower) && value <= lower) {
            return seen + (Double.isInfinite(upper) ? " is at or below the threshold " : " is below the range's end ")
                    + number(lower) + u;
        }
        if (hasExpected) {
            return seen + " differs from the expected " + number(expected) + u + " (" + detector + " score "
                    + String.format(Locale.ROOT, "%.2f", score) + ")";
        }
        return seen + " scored " + String.format(Locale.ROOT, "%.2f", score) + " by " + detector;
    }

    /** Four significant digits, no exponent, no trailing zeros. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return new BigDecimal(v).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
    }
}
