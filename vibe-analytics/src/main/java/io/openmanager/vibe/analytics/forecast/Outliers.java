package io.openmanager.vibe.analytics.forecast;

/**
 * Outlier cleaning before the decomposition models, a seasonal Hampel filter: a value is an outlier when it lies more
 * than {@link #MADS} scaled median absolute deviations from the median of the same position in the neighbouring
 * seasons ({@link #NEIGHBOURS} on each side, fewer at the ends) for every seasonal period (so a weekend that differs
 * from the weekdays around it is not an outlier when the week is also a period), or from the median of its
 * {@link #NEIGHBOURS} neighbours on each side when the series has no period. Outliers are replaced by that median.
 *
 * <p>A run of outliers that reaches the end of the series is kept when it has at least {@link #SHIFT_RUN} values all on
 * one side: the series may have moved, and the models must see where to (a level shift), not be told it did not.
 */
final class Outliers {
    static final double MADS = 5;
    static final int NEIGHBOURS = 3;
    static final int SHIFT_RUN = LevelShift.MIN_RUN;
    static final int PASSES = 3;
    private static final double MAD_TO_SIGMA = 1.4826;
    private static final double ROUNDING = 1e-9;

    private Outliers() {
    }

    /**
     * The cleaned copy of {@code y}; {@code periods} shortest first (may be empty). The filter runs up to
     * {@link #PASSES} times: bursts that fill the same position in neighbouring seasons survive a pass, and stand out
     * once their neighbours are cleaned.
     */
    static double[] clean(double[] y, int[] periods) {
        double[] x = y;
        for (int pass = 0; pass < PASSES; pass++) {
            double[] next = cleanOnce(x, periods);
            if (java.util.Arrays.equals(next, x)) {
                break;
            }
            x = next;
        }
        return x == y ? y.clone() : x;
    }

    private static double[] cleanOnce(double[] y, int[] periods) {
        int n = y.length;
        if (n < 2 * NEIGHBOURS + 1) {
            return y.clone();
        }
        boolean[] outlier = new boolean[n];
        java.util.Arrays.fill(outlier, true);
        double[] replacement = null;
        int[] lags = periods.length == 0 ? new int[] {1} : periods;
        for (int lag : lags) {
            double[] median = neighbourMedians(y, lag);
            double[] residual = new double[n];
            for (int t = 0; t < n; t++) {
                residual[t] = Math.abs(y[t] - median[t]);
            }
            // Rounding: a series that repeats exactly has residuals of a few ulps, which are no outliers.
            double limit = Math.max(MADS * MAD_TO_SIGMA * Robust.median(residual, 0, n), ROUNDING * scale(y));
            for (int t = 0; t < n; t++) {
                outlier[t] &= residual[t] > limit;
            }
            if (replacement == null) {
                replacement = median;
            }
        }
        // A final run on one side is a move, not an outlier.
        int run = 0;
        int side = 0;
        for (int t = n - 1; t >= 0 && outlier[t]; t--) {
            int s = y[t] > replacement[t] ? 1 : -1;
            if (side != 0 && s != side) {
                break;
            }
            side = s;
            run++;
        }
        if (run >= SHIFT_RUN) {
            for (int t = n - run; t < n; t++) {
                outlier[t] = false;
            }
        }
        double[] out = y.clone();
        for (int t = 0; t < n; t++) {
            if (outlier[t]) {
                out[t] = replacement[t];
            }
        }
        return out;
    }

    private static double scale(double[] y) {
        double max = 0;
        for (double v : y) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    /** For each t, the median of y[t + j * lag] for j in -NEIGHBOURS..NEIGHBOURS within the series. */
    private static double[] neighbourMedians(double[] y, int lag) {
        int n = y.length;
        double[] out = new double[n];
        double[] buf = new double[2 * NEIGHBOURS + 1];
        for (int t = 0; t < n; t++) {
            int c = 0;
            for (int j = -NEIGHBOURS; j <= NEIGHBOURS; j++) {
                int s = t + j * lag;
                if (s >= 0 && s < n) {
                    buf[c++] = y[s];
                }
            }
            out[t] = Robust.median(buf, 0, c);
        }
        return out;
    }
}
