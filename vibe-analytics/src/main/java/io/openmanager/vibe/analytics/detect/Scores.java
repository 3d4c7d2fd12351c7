package io.openmanager.vibe.analytics.detect;

/** Shared arithmetic: z-score to [0, 1], parameter checks. */
final class Scores {
    private Scores() {
    }

    private static final double LN10 = StrictMath.log(10.0);
    // fromZ's -ln(p) / ln(10) / 24 as one multiplication instead of two divisions.
    private static final double SCORE_PER_NEPER = -1.0 / (24.0 * LN10);

    /**
     * Maps a z-score to a score without saturating early: {@code S / 24} where {@code S = -log10 p} is the
     * surprise of the two-sided normal tail probability {@code p} of |z|, to be clamped to [0, 1] by the caller
     * ({@link AbstractAnomalyDetector#update} does: every detector returns this from {@code score}, so a
     * {@code min(1, ...)} here would only repeat that clamp on the hot path). So 0.5 means p = 1e-12 (|z| about
     * 7.1) and 1 means p <= 1e-24 (|z| >= 10.2); |z| = 3 gives 0.107. Above 1 for larger |z|, and slightly below 0
     * very near z = 0 (the approximation's error). Plain arithmetic and {@link Log}: the same bits on every platform.
     */
    static double fromZ(double z) {
        double a = Math.abs(z);
        if (!(a < 1e150)) {
            return a >= 1e150 ? 1.0 : 0.0;
        }
        double x = a * 0.7071067811865476;
        double t = 1.0 / (1.0 + 0.5 * x);
        return lnErfc(x, t, Log.of(t)) * SCORE_PER_NEPER;
    }

    /**
     * log10 of erfc(x) for x >= 0, accurate in the far tail (Numerical Recipes erfcc, relative error < 1.2e-7).
     * Unlike {@link #fromZ} it takes the logarithm with {@code Math.log}: on the default detector's tail path, a
     * call that is not inlined, the intrinsic is faster than {@link Log} (see vibe-analytics/README.md).
     */
    static double log10Erfc(double x) {
        double t = 1.0 / (1.0 + 0.5 * x);
        return lnErfc(x, t, Math.log(t)) / LN10;
    }

    /** ln erfc(x) for x >= 0, given {@code t = 1 / (1 + x / 2)} and its natural logarithm {@code lnT}. */
    private static double lnErfc(double x, double t, double lnT) {
        return lnT - x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277))))))));
    }

    /** log10 of the upper tail of the standard normal, log10 P(Z > z), for any finite z. */
    static double log10UpperTail(double z) {
        if (z >= 0) {
            return log10Erfc(z * 0.7071067811865476) - 0.3010299956639812;
        }
        double q = 0.5 * Math.pow(10.0, log10Erfc(-z * 0.7071067811865476));
        return Math.log10(1.0 - q);
    }

    static double checkFraction(String name, double v) {
        if (!(v > 0.0 && v <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in (0, 1]: " + v);
        }
        return v;
    }

    static double checkPositive(String name, double v) {
        if (!(v > 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + v);
        }
        return v;
    }

    static double checkNonNegative(String name, double v) {
        if (!(v >= 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be >= 0 and finite: " + v);
        }
        return v;
    }

    /** The largest slack or threshold in standard deviations: beyond it sums built from them could overflow. */
    static final double MAX_SIGMAS = 1e6;

    /** A slack or decision threshold in standard deviations: in [0, 1e6], and positive if {@code positive}. */
    static double checkSigmas(String name, double v, boolean positive) {
        if (!(positive ? v > 0.0 : v >= 0.0) || !(v <= MAX_SIGMAS)) {
            throw new IllegalArgumentException(name + " must be in " + (positive ? "(0" : "[0") + ", 1e6]: " + v);
        }
        return v;
    }

    static int checkAtMost(String name, int v, int max) {
        if (v > max) {
            throw new IllegalArgumentException(name + " must be <= " + max + ": " + v);
        }
        return v;
    }

    /** A learned level: a weighted mean of accepted values, so within the magnitude a detector accepts. */
    static double checkLevel(String name, double v) {
        if (!(Math.abs(v) <= AbstractAnomalyDetector.MAX_MAGNITUDE)) {
            throw new IllegalArgumentException(name + " must be finite, within +-"
                    + AbstractAnomalyDetector.MAX_MAGNITUDE + ": " + v);
        }
        return v;
    }

    static double checkFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite: " + v);
        }
        return v;
    }

    /**
     * The counters of a snapshot, and the values its model learned: every accepted value is learned once, so a
     * snapshot whose count differs was written by no detector.
     */
    static InputCounters checkCounters(InputCounters counters, String learnedName, long learned) {
        java.util.Objects.requireNonNull(counters, "counters");
        if (learned != counters.accepted()) {
            throw new IllegalArgumentException(learnedName + " must equal counters.accepted = " + counters.accepted()
                    + ": " + learned);
        }
        return counters;
    }

    /**
     * As {@link #checkCounters}, for a model that also steps over gaps: a missing value after the first accepted one
     * counts as a step, so the steps lie between the accepted values and those plus the missing ones.
     */
    static InputCounters checkCountersWithGaps(InputCounters counters, String stepsName, long steps) {
        java.util.Objects.requireNonNull(counters, "counters");
        if (steps < counters.accepted() || steps - counters.accepted() > counters.missing()) {
            throw new IllegalArgumentException(stepsName + " must lie between counters.accepted = "
                    + counters.accepted() + " and that plus counters.missing = " + counters.missing() + ": " + steps);
        }
        return counters;
    }

    static int checkAtLeast(String name, int v, int min) {
        if (v < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ": " + v);
        }
        return v;
    }

    /**
     * The smallest n >= 1 with {@code 1.0 / n <= alpha}: from there on {@code Math.max(alpha, 1.0 / n) == alpha}
     * exactly (a rounded quotient never grows with n), so a caller can skip the division. Any larger answer would
     * also be correct; Long.MAX_VALUE for an alpha so small that the division is never skipped.
     */
    static long settledFrom(double alpha) {
        double inverse = 1.0 / alpha;
        if (!(inverse < 0x1p62)) {
            return Long.MAX_VALUE;
        }
        long n = Math.max(1L, (long) inverse - 2);
        while (1.0 / n > alpha) {
            n++;
        }
        return n;
    }

    /** A scale that is never zero: flat series still give finite z-scores. */
    static double floorScale(double scale, double level) {
        double floor = 1e-6 * (Math.abs(level) + 1e-3);
        return scale > floor ? scale : floor;
    }
}
