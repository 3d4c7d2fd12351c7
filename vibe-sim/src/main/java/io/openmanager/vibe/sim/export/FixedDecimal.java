package io.openmanager.vibe.sim.export;

import io.openmanager.vibe.core.metric.Metric;
import io.openmanager.vibe.core.metric.NamingConvention;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes numbers as fixed-point decimal text that is the same on every JDK.
 *
 * <p>{@code Double.toString} (and everything built on it: {@code String.valueOf}, {@code StringBuilder.append(double)},
 * Jackson's default number writing) changed its algorithm in JDK 19, so the same double may print differently on
 * different JDKs. Here a value is rounded to a fixed number of decimals with integer arithmetic and printed digit by
 * digit: {@code n = round(|value| * 10^decimals)} (the product as a double, rounded half away from zero), written as
 * {@code n / 10^decimals} without exponent, trailing zeros (and a bare point) removed, a minus sign only when
 * {@code n != 0}. Every step is exact IEEE arithmetic, identical on every JVM. Past {@code 2^63} the product no longer
 * fits a long; such rare values are rounded exactly with {@link BigDecimal} instead.
 */
final class FixedDecimal {
    /** Most decimals any value is written with. */
    static final int MAX_DECIMALS = 12;
    /** Decimals of metrics whose seed unit has no entry of its own. */
    static final int DEFAULT_DECIMALS = 6;

    private static final double[] SCALE = new double[MAX_DECIMALS + 1];
    private static final long[] UNIT = new long[MAX_DECIMALS + 1];
    // Below 2^63 the rounded product fits a long; every double at or above it is already a whole number.
    private static final double LONG_LIMIT = 0x1p63;
    // Below 2^53 every whole number is exact as a double.
    private static final double EXACT_LIMIT = 0x1p53;

    static {
        long unit = 1;
        for (int d = 0; d <= MAX_DECIMALS; d++) {
            UNIT[d] = unit;
            SCALE[d] = unit; // 10^d is exact as a double for d <= 22
            unit *= 10;
        }
    }

    private FixedDecimal() {
    }

    /**
     * Decimals for a metric in a convention. The seed unit fixes the resolution (percent 3 decimals, MB/s 6, that is
     * one byte per second, ms 2); other conventions keep the same resolution in their own unit, so a ratio gets 5,
     * bytes per second 0 and seconds 5: every convention carries exactly the same information.
     */
    static int decimals(Metric metric, NamingConvention convention) {
        int seed = seedDecimals(metric.unit());
        if (convention == NamingConvention.SEED) {
            return seed;
        }
        double scale = Math.abs(metric.toConvention(convention, 1.0));
        // StrictMath, not Math: Math.log10 may differ by an ulp between JVMs and intrinsics.
        long shift = Math.round(StrictMath.log10(scale));
        return (int) Math.max(0, Math.min(MAX_DECIMALS, seed - shift));
    }

    private static int seedDecimals(String unit) {
        switch (unit) {
            case "%":
                return 3;
            case "MB/s":
                return 6;
            case "ms":
                return 2;
            default:
                return DEFAULT_DECIMALS;
        }
    }

    /**
     * Appends a finite value rounded to {@code decimals}.
     *
     * @throws IllegalArgumentException if the value is NaN or infinite, or decimals is outside [0, 12]
     */
    static void append(StringBuilder out, double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("only finite values have a decimal form: " + value);
        }
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            throw new IllegalArgumentException("decimals must be in [0, " + MAX_DECIMALS + "]: " + decimals);
        }
        double scaled = Math.abs(value) * SCALE[decimals];
        if (scaled < LONG_LIMIT) {
            long n = Math.round(scaled);
            if (n != 0 && value < 0) {
                out.append('-');
            }
            appendScaled(out, n, decimals);
        } else {
            appendHuge(out, value, decimals);
        }
    }

    /**
     * The double that the text {@link #append} writes parses back to ({@code Double.parseDouble}), computed without
     * text: NaN for NaN and infinities. Below {@code 2^53} the rounded {@code n} and {@code 10^decimals} are exact
     * doubles and IEEE division rounds their quotient correctly, which is exactly what parsing the decimal does; above
     * it the text is parsed. Allocation-free for every value a metric takes.
     *
     * @throws IllegalArgumentException if decimals is outside [0, 12]
     */
    static double rounded(double value, int decimals) {
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            throw new IllegalArgumentException("decimals must be in [0, " + MAX_DECIMALS + "]: " + decimals);
        }
        if (!Double.isFinite(value)) {
            return Double.NaN;
        }
        double scaled = Math.abs(value) * SCALE[decimals];
        if (scaled < EXACT_LIMIT) {
            long n = Math.round(scaled);
            if (n == 0) {
                return 0.0; // the text has no minus sign then, so it parses to +0
            }
            double magnitude = n / SCALE[decimals];
            return value < 0 ? -magnitude : magnitude;
        }
        StringBuilder text = new StringBuilder(32);
        append(text, value, decimals);
        return Double.parseDouble(text.toString());
    }

    /** Appends {@code n / 10^decimals} for {@code n >= 0} and decimals in [0, 12], trailing zeros removed. */
    static void appendScaled(StringBuilder out, long n, int decimals) {
        long unit = UNIT[decimals];
        out.append(n / unit);
        long fraction = n % unit;
        if (fraction == 0) {
            return;
        }
        int digits = decimals;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        out.append('.');
        for (int zeros = digits - digitCount(fraction); zeros > 0; zeros--) {
            out.append('0');
        }
        out.append(fraction);
    }

    // Rare (|value| >= 2^63 / 10^decimals), so allocation is acceptable. The product may have lost digits here (1e20 *
    // 1000 is 99999999999999991611392 as a double), so the exact value itself is rounded. Such a value's ulp exceeds
    // 10^-decimals, so the text still parses back to the value.
    private static void appendHuge(StringBuilder out, double value, int decimals) {
        BigDecimal rounded = new BigDecimal(Math.abs(value)).setScale(decimals, RoundingMode.HALF_UP);
        if (value < 0) {
            out.append('-');
        }
        out.append(rounded.stripTrailingZeros().toPlainString());
    }

    private static int digitCount(long n) {
        int count = 1;
        while (n >= 10) {
            n /= 10;
            count++;
        }
        return count;
    }
}
