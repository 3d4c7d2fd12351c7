package io.openmanager.vibe.analytics.forecast;

/**
 * {@link Method#SEASONAL_MEDIAN}: each step ahead is the median of the same position of the season over the last
 * {@code cycles} seasons before the forecast origin (seasonal naive made robust: one odd day does not repeat). The
 * standard deviation grows with the seasons ahead like seasonal naive's, from the spread of the values around their
 * medians.
 */
final class SeasonalMedian {
    private SeasonalMedian() {
    }

    /** Fits a cleaned series at least one period long. */
    static Fitted fit(double[] y, int m, int cycles, String description) {
        int n = y.length;
        int c = Math.max(1, Math.min(cycles, n / m));
        double[] profile = new double[m];
        double[] buf = new double[c];
        double sumSq = 0;
        int count = 0;
        for (int k = 0; k < m; k++) {
            int t0 = n - m + k;
            for (int j = 0; j < c; j++) {
                buf[j] = y[t0 - j * m];
            }
            profile[k] = Robust.median(buf, 0, c);
            for (int j = 0; j < c; j++) {
                double d = buf[j] - profile[k];
                sumSq += d * d;
                count++;
            }
        }
        double sigma = c > 1 ? Math.sqrt(sumSq / count * c / (c - 1.0)) : Fitted.lagRmse(y, m);
        return new Fitted(description, m, n) {
            @Override
            void fill(int h, double[] mean, double[] sd) {
                for (int k = 0; k < h; k++) {
                    mean[k] = profile[k % m];
                    sd[k] = sigma * Math.sqrt(k / m + 1.0);
                }
            }
        };
    }
}
