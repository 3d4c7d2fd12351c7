package io.openmanager.vibe.analytics.forecast;

import java.util.Arrays;

/** Robust statistics shared by the models: medians, bisquare weights, outlier replacement. */
final class Robust {
    /** Bisquare weights vanish beyond this many median absolute residuals (the constant of STL's weights). */
    static final double BISQUARE_MADS = 6;

    private Robust() {
    }

    /** The median of {@code a[from..to)}, or NaN when empty; {@code a} is not modified. */
    static double median(double[] a, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return Double.NaN;
        }
        double[] c = Arrays.copyOfRange(a, from, to);
        Arrays.sort(c);
        return n % 2 == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
    }

    /**
     * Bisquare weights of the residuals, scaled by {@link #BISQUARE_MADS} times their median absolute value.
     *
     * @return false (weights unchanged) when that scale is 0 or fewer than half the residuals would keep a weight,
     *         where reweighting would fit a handful of points
     */
    static boolean bisquareWeights(double[] residual, double[] w) {
        int n = residual.length;
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(residual[i]);
        }
        double c = BISQUARE_MADS * median(abs, 0, n);
        if (!(c > 0) || !Double.isFinite(c)) {
            return false;
        }
        int kept = 0;
        for (double a : abs) {
            kept += a < c ? 1 : 0;
        }
        if (2 * kept < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            double u = abs[i] / c;
            w[i] = u < 1 ? (1 - u * u) * (1 - u * u) : 0;
        }
        return true;
    }

    /**
     * Replaces each marked value by the median of the unmarked values within {@code halfWindow} steps of it (left
     * as it is when there are none).
     */
    static void replaceByLocalMedian(double[] x, boolean[] marked, int halfWindow) {
        int n = x.length;
        double[] original = x.clone();
        double[] buf = new double[2 * halfWindow + 1];
        for (int t = 0; t < n; t++) {
            if (!marked[t]) {
                continue;
            }
            int c = 0;
            for (int s = Math.max(0, t - halfWindow); s <= Math.min(n - 1, t + halfWindow); s++) {
                if (!marked[s]) {
                    buf[c++] = original[s];
                }
            }
            if (c > 0) {
                x[t] = median(buf, 0, c);
            }
        }
    }
}
