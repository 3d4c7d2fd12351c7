package io.openmanager.vibe.analytics.incident;

import java.util.Objects;
import java.util.Optional;

/**
 * The lag at which two equally sampled series correlate best: which one leads, and by how many samples.
 *
 * @param lag         samples by which {@code x} leads {@code y}: positive when {@code x} moves first
 *                    ({@code x[t]} correlates with {@code y[t + lag]}), negative when {@code y} does
 * @param correlation the Pearson correlation at that lag, in [-1, 1]
 * @param overlap     how many pairs of samples that correlation was computed from
 */
public record LaggedCorrelation(int lag, double correlation, int overlap) {
    /** The fewest overlapping samples a lag needs to be considered. */
    public static final int MIN_OVERLAP = 3;

    /** Validates the fields. */
    public LaggedCorrelation {
        if (!(correlation >= -1 && correlation <= 1)) {
            throw new IllegalArgumentException("correlation must be in [-1, 1]: " + correlation);
        }
        if (overlap < MIN_OVERLAP) {
            throw new IllegalArgumentException("overlap must be >= " + MIN_OVERLAP + ": " + overlap);
        }
    }

    /**
     * Finds the lag in {@code [-maxLag, maxLag]} with the highest (signed) correlation of {@code x[t]} and
     * {@code y[t + lag]}; ties go to the smaller absolute lag, then to the negative one. Lags with fewer than
     * {@link #MIN_OVERLAP} overlapping samples, or where either side is constant, are skipped.
     *
     * @param x      the first series, equally sampled, aligned with {@code y} at index 0
     * @param y      the second series, same sampling
     * @param maxLag the largest lag tried, in samples; {@code >= 0}
     * @return the best lag, or empty if no lag qualifies (series too short or constant)
     * @throws IllegalArgumentException if {@code maxLag < 0} or a value is not finite
     */
    public static Optional<LaggedCorrelation> best(double[] x, double[] y, int maxLag) {
        Objects.requireNonNull(x, "x must not be null");
        Objects.requireNonNull(y, "y must not be null");
        if (maxLag < 0) {
            throw new IllegalArgumentException("maxLag must be >= 0: " + maxLag);
        }
        requireFinite("x", x);
        requireFinite("y", y);
        LaggedCorrelation best = null;
        for (int d = 0; d <= maxLag; d++) {
            for (int lag : d == 0 ? new int[] {0} : new int[] {-d, d}) {
                int from = Math.max(0, -lag);
                int to = Math.min(x.length, y.length - lag);
                int n = to - from;
                if (n < MIN_OVERLAP) {
                    continue;
                }
                double r = pearson(x, y, from, to, lag);
                if (!Double.isNaN(r) && (best == null || r > best.correlation)) {
                    best = new LaggedCorrelation(lag, r, n);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static double pearson(double[] x, double[] y, int from, int to, int lag) {
        int n = to - from;
        double mx = 0;
        double my = 0;
        for (int t = from; t < to; t++) {
            mx += x[t];
            my += y[t + lag];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int t = from; t < to; t++) {
            double dx = x[t] - mx;
            double dy = y[t + lag] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    private static void requireFinite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + values[i]);
            }
        }
    }
}
