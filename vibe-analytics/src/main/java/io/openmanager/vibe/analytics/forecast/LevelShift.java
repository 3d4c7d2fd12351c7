package io.openmanager.vibe.analytics.forecast;

/**
 * A level shift at the end of a series: the last values all lie on one side of the same positions in the seasons
 * before them (the same hour of the previous days, or the values just before for a non-seasonal series), far beyond
 * the series' usual change from one season to the next ({@link #SIGMAS} robust standard deviations), and steadily so
 * (their deviations' interquartile range, as a standard deviation, is at most {@link #STEADY} of the shift). The shift is the longest such final run
 * of at least
 * {@link #MIN_RUN} values (within the last {@link #MAX_RUN}); {@link #relevel} moves the history before it by the
 * run's median deviation, so that every model forecasts from the new level with the history's seasonal pattern.
 */
final class LevelShift {
    static final int MIN_RUN = 6;
    static final int MAX_RUN = 168;
    /** How far the run must lie from the old level: this many robust standard deviations of the seasonal change. */
    static final double SIGMAS = 4;
    /** A new level is held steadily: its values' robust spread is at most this share of the shift. */
    static final double STEADY = 0.25;
    private static final int SEASONS_BEFORE = 3;
    private static final double MAD_TO_SIGMA = 1.4826;
    private static final double IQR_TO_SIGMA = 1.349;

    private LevelShift() {
    }

    /**
     * The series with the history before a final level shift moved by it, or {@code y} itself when there is none.
     *
     * @param lag the shortest seasonal period, or 1
     */
    static double[] relevel(double[] y, int lag) {
        int n = y.length;
        int m = Math.max(1, lag);
        if (n < SEASONS_BEFORE * m + 2 * MIN_RUN) {
            return y;
        }
        double[] diffs = new double[n - m];
        for (int t = m; t < n; t++) {
            diffs[t - m] = Math.abs(y[t] - y[t - m]);
        }
        double sigma = MAD_TO_SIGMA * Robust.median(diffs, 0, diffs.length) / Math.sqrt(2);
        if (!(sigma > 0)) {
            return y;
        }
        int longest = Math.min(MAX_RUN, n - SEASONS_BEFORE * m);
        double[] buf = new double[SEASONS_BEFORE];
        double[] d = new double[longest];
        int start = -1;
        double shift = 0;
        for (int run = MIN_RUN; run <= longest; run++) {
            int tau = n - run;
            // Deviation of each value after tau from the same position in the seasons before tau.
            int side = 0;
            boolean consistent = true;
            for (int t = tau; t < n && consistent; t++) {
                int c = 0;
                for (int j = 1; c < SEASONS_BEFORE; j++) {
                    int s = t - j * m;
                    if (s < 0) {
                        break;
                    }
                    if (s < tau) {
                        buf[c++] = y[s];
                    }
                }
                double dev = y[t] - Robust.median(buf, 0, c);
                int sd = Math.abs(dev) > SIGMAS * sigma ? (dev > 0 ? 1 : -1) : 0;
                if (sd == 0 || (side != 0 && sd != side)) {
                    consistent = false;
                }
                side = sd;
                d[t - tau] = dev;
            }
            if (!consistent) {
                break;
            }
            double[] sorted = java.util.Arrays.copyOf(d, run);
            java.util.Arrays.sort(sorted);
            double median = Robust.median(sorted, 0, run);
            // Interquartile range: unlike the median absolute deviation it sees bursts that fill half the run.
            double spread = (sorted[(3 * run) / 4] - sorted[run / 4]) / IQR_TO_SIGMA;
            if (spread <= STEADY * Math.abs(median)) {
                start = tau;
                shift = median;
            }
        }
        if (start < 0) {
            return y;
        }
        double[] out = y.clone();
        for (int t = 0; t < start; t++) {
            out[t] += shift;
        }
        return out;
    }
}
