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
     * For example {@code "cpu_usage 97.3 is 6.1 sigmas above the expected 41.2 (range 30.1..52.3)"}; numbers have
     * four significant digits, printed without exponent and the same on every JDK.
     */
    static String of(String metric, double value, double expected, double lower, double upper, String detector,
                     double score) {
        String seen = metric + " " + number(value);
        boolean hasExpected = !Double.isNaN(expected);
        boolean hasRange = !Double.isNaN(lower) && !Double.isNaN(upper);
        if (hasExpected && hasRange && upper > lower && Double.isFinite(lower) && Double.isFinite(upper)) {
            double sigma = (upper - lower) / (2.0 * AnomalyDetector.RANGE_SCALES);
            double sigmas = (value - expected) / sigma;
            String range = " (range " + number(lower) + ".." + number(upper) + ")";
            if (value > upper || value < lower) {
                return seen + " is " + String.format(Locale.ROOT, "%.1f", Math.abs(sigmas)) + " sigmas "
                        + (sigmas > 0 ? "above" : "below") + " the expected " + number(expected) + range;
            }
            return seen + " is within the expected " + number(expected) + range + ", but " + detector
                    + " sees a change in the series (score " + String.format(Locale.ROOT, "%.2f", score) + ")";
        }
        if (hasRange && Double.isFinite(upper) && value >= upper) {
            return seen + (Double.isInfinite(lower) ? " is at or above the threshold " : " is above the range's end ")
                    + number(upper);
        }
        if (hasRange && Double.isFinite(lower) && value <= lower) {
            return seen + (Double.isInfinite(upper) ? " is at or below the threshold " : " is below the range's end ")
                    + number(lower);
        }
        if (hasExpected) {
            return seen + " differs from the expected " + number(expected) + " (" + detector + " score "
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
