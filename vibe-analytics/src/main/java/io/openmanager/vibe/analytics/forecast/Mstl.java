package io.openmanager.vibe.analytics.forecast;

/**
 * Multiple seasonal decomposition (Bandara, Hyndman and Bergmeir 2021; R's {@code forecast::mstl}): each seasonal
 * component is estimated by {@link Stl} in turn on the series without the others, twice over; the trend is the last
 * STL's. Seasonal windows are {@code 7 + 4 i} cycles for the {@code i}-th period (11 for a day, 15 for a week), as in
 * {@code mstl}. Not robust itself (as {@code mstl}'s default): the models clean outliers first ({@link Outliers}).
 */
final class Mstl {
    static final int ITERATIONS = 2;
    /** Inner passes of each STL, R's default without robustness. */
    static final int STL_PASSES = 2;

    private Mstl() {
    }

    /**
     * A decomposition {@code y = trend + sum(seasonals) + remainder}.
     *
     * @param periods   the seasonal periods, shortest first
     * @param seasonals one component per period
     * @param trend     the trend-cycle
     */
    record Decomposition(int[] periods, double[][] seasonals, double[] trend) {

        /** The series without its seasonal components: trend plus remainder. */
        double[] adjusted(double[] y) {
            double[] a = y.clone();
            for (double[] s : seasonals) {
                for (int t = 0; t < a.length; t++) {
                    a[t] -= s[t];
                }
            }
            return a;
        }

        /** The sum of the seasonal components at {@code n + k}, carried forward cycle by cycle from the last one. */
        double seasonalAhead(int n, int k) {
            double s = 0;
            for (int i = 0; i < periods.length; i++) {
                int m = periods[i];
                s += seasonals[i][n - m + k % m];
            }
            return s;
        }
    }

    /**
     * Decomposes {@code y}; every period must be at least 2 and at most half the series, shortest first.
     */
    static Decomposition decompose(double[] y, int[] periods) {
        int n = y.length;
        double[] deseasoned = y.clone();
        double[][] seasonals = new double[periods.length][n];
        Stl.Result fit = null;
        for (int it = 0; it < ITERATIONS; it++) {
            for (int i = 0; i < periods.length; i++) {
                double[] s = seasonals[i];
                for (int t = 0; t < n; t++) {
                    deseasoned[t] += s[t];
                }
                fit = Stl.decompose(deseasoned, periods[i], 7 + 4 * (i + 1), STL_PASSES);
                seasonals[i] = fit.seasonal();
                s = seasonals[i];
                for (int t = 0; t < n; t++) {
                    deseasoned[t] -= s[t];
                }
            }
        }
        return new Decomposition(periods.clone(), seasonals, fit == null ? deseasoned : fit.trend());
    }
}
