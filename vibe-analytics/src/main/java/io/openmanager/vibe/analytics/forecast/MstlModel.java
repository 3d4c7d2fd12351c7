package io.openmanager.vibe.analytics.forecast;

/**
 * {@link Method#MSTL}: an {@link Mstl} decomposition of the series cleaned of outliers ({@link Outliers}); the
 * seasonally adjusted series is forecast by {@link Level}, and each seasonal component repeats its last cycle (as R's
 * {@code stlf}).
 */
final class MstlModel {
    private MstlModel() {
    }

    /**
     * Fits a cleaned, non-empty series; {@code periods} as {@link Mstl#decompose} requires (may be empty).
     *
     * @param outliersRemoved whether {@code y} was already cleaned by {@link Outliers#clean}
     */
    static Fitted fit(double[] y, int[] periods, boolean outliersRemoved, String description) {
        int n = y.length;
        double[] x = outliersRemoved ? y : Outliers.clean(y, periods);
        if (periods.length == 0) {
            return Level.fit(x, description);
        }
        Mstl.Decomposition d = Mstl.decompose(x, periods);
        Fitted level = Level.fit(d.adjusted(x), description);
        double[] ahead = new double[periods[periods.length - 1]];
        for (int k = 0; k < ahead.length; k++) {
            ahead[k] = d.seasonalAhead(n, k);
        }
        return new Fitted(description, periods[0], n) {
            @Override
            void fill(int h, double[] mean, double[] sd) {
                level.fill(h, mean, sd);
                for (int k = 0; k < h; k++) {
                    mean[k] += ahead[k % ahead.length];
                }
            }
        };
    }
}
