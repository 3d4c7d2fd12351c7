package io.openmanager.vibe.analytics.detect;

/** Shared arithmetic: z-score to [0, 1], parameter checks. */
final class Scores {
    private Scores() {
    }

    /** 2 Phi(|z|) - 1 = erf(|z| / sqrt 2): the two-sided probability mass within |z| under a normal law. */
    static double fromZ(double z) {
        double a = Math.abs(z);
        if (!(a < 40.0)) {
            return a >= 40.0 ? 1.0 : 0.0;
        }
        return erf(a * 0.7071067811865476);
    }

    /** Abramowitz and Stegun 7.1.26, |error| < 1.5e-7, for x >= 0. */
    static double erf(double x) {
        double t = 1.0 / (1.0 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        return 1.0 - poly * Math.exp(-x * x);
    }

    /** Upper tail of the standard normal, Q(z) = P(Z > z), for any z. */
    static double upperTail(double z) {
        if (z >= 0) {
            return 0.5 * (1.0 - erf(z * 0.7071067811865476));
        }
        return 1.0 - 0.5 * (1.0 - erf(-z * 0.7071067811865476));
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

    static int checkAtLeast(String name, int v, int min) {
        if (v < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ": " + v);
        }
        return v;
    }

    /** A scale that is never zero: flat series still give finite z-scores. */
    static double floorScale(double scale, double level) {
        double floor = 1e-6 * (Math.abs(level) + 1e-3);
        return scale > floor ? scale : floor;
    }
}
