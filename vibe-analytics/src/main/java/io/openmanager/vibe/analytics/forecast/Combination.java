package io.openmanager.vibe.analytics.forecast;

/**
 * The median combination of several models: at each step ahead, the median of their point forecasts and the median of
 * their standard deviations. A median, unlike a mean, is not dragged by one member that goes astray (a decomposition
 * fooled by a burst, a seasonal pattern that broke), as the M4 competition's combinations showed.
 */
final class Combination {
    private Combination() {
    }

    /** The median of {@code members}, all fitted to the same series; {@code period} is the one to report. */
    static Fitted median(Fitted[] members, int period, String description) {
        int size = members.length;
        return new Fitted(description, period, members[0].observations()) {
            @Override
            void fill(int h, double[] mean, double[] sd) {
                double[][] means = new double[size][h];
                double[][] sds = new double[size][h];
                for (int i = 0; i < size; i++) {
                    members[i].fill(h, means[i], sds[i]);
                }
                double[] column = new double[size];
                for (int k = 0; k < h; k++) {
                    for (int i = 0; i < size; i++) {
                        column[i] = means[i][k];
                    }
                    mean[k] = Robust.median(column, 0, size);
                    for (int i = 0; i < size; i++) {
                        column[i] = sds[i][k];
                    }
                    sd[k] = Robust.median(column, 0, size);
                }
            }
        };
    }
}
