package io.openmanager.vibe.analytics.forecast;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * {@link Method#HARMONIC}: trigonometric seasonality, as in TBATS (De Livera, Hyndman and Snyder 2011) but with the
 * Fourier coefficients fitted by regression over a recent window instead of evolving in a state space. The shortest
 * period gets {@link #HARMONICS} harmonics (sine and cosine terms); a longer one gets {@link #PER_SHORT_CYCLE} for each
 * cycle of the shortest it spans (14 for a week of days, enough to tell the days apart), less those that repeat a
 * shorter period's frequency; none at or above the Nyquist limit. They are fitted by weighted least squares over the
 * last {@link #WINDOW_CYCLES} cycles of the longest period: once, then once more with bisquare robustness weights. The
 * series, cleaned of outliers ({@link Outliers}) and without this seasonal pattern, is forecast by {@link Level}.
 */
final class Harmonics {
    static final int HARMONICS = 6;
    static final int PER_SHORT_CYCLE = 2;
    static final int WINDOW_CYCLES = 6;

    private Harmonics() {
    }

    /**
     * Fits a cleaned, non-empty series; {@code periods} shortest first, each at most half the series.
     *
     * @param outliersRemoved whether {@code y} was already cleaned by {@link Outliers#clean}
     */
    static Fitted fit(double[] y, int[] periods, boolean outliersRemoved, String description) {
        int n = y.length;
        double[] x = outliersRemoved ? y : Outliers.clean(y, periods);
        if (periods.length == 0) {
            return Level.fit(x, description);
        }
        int longest = periods[periods.length - 1];
        int from = Math.max(0, n - WINDOW_CYCLES * longest);
        int[][] terms = terms(periods);
        int p = 1;
        for (int[] t : terms) {
            p += 2 * t.length;
        }
        int len = n - from;
        if (len < 2 * p) {
            return Level.fit(x, description + " -> level");
        }
        double[][][] table = table(periods, terms);
        double[][] design = new double[len][p];
        for (int i = 0; i < len; i++) {
            row(from + i, periods, table, design[i]);
        }
        double[] w = new double[len];
        java.util.Arrays.fill(w, 1);
        double[] beta = solve(design, x, from, w, longest);
        if (beta == null) {
            return Level.fit(x, description + " -> level");
        }
        double[] residual = new double[len];
        residuals(design, x, from, beta, residual);
        if (Robust.bisquareWeights(residual, w)) {
            double[] robust = solve(design, x, from, w, longest);
            if (robust != null) {
                beta = robust;
            }
        }
        double[] adjusted = new double[n];
        double[] r = new double[p];
        for (int t = 0; t < n; t++) {
            row(t, periods, table, r);
            adjusted[t] = x[t] - seasonal(beta, r);
        }
        Fitted level = Level.fit(adjusted, description);
        final double[] b = beta;
        return new Fitted(description, periods[0], n) {
            @Override
            void fill(int h, double[] mean, double[] sd) {
                level.fill(h, mean, sd);
                double[] rr = new double[b.length];
                for (int k = 0; k < h; k++) {
                    row(n + k, periods, table, rr);
                    mean[k] += seasonal(b, rr);
                }
            }
        };
    }

    /** The harmonics of each period (see the class documentation), below its Nyquist limit, new frequencies only. */
    static int[][] terms(int[] periods) {
        int[][] out = new int[periods.length][];
        for (int i = 0; i < periods.length; i++) {
            int m = periods[i];
            int most = i == 0 ? HARMONICS : Math.max(HARMONICS, PER_SHORT_CYCLE * (m / periods[0]));
            int[] keep = new int[most];
            int c = 0;
            for (int j = 1; j <= most && 2 * j < m; j++) {
                boolean repeats = false;
                for (int s = 0; s < i; s++) {
                    // Frequency j / m equals k / periods[s] for a whole k: already a shorter period's term.
                    if ((long) j * periods[s] % m == 0) {
                        repeats = true;
                    }
                }
                if (!repeats) {
                    keep[c++] = j;
                }
            }
            out[i] = java.util.Arrays.copyOf(keep, c);
        }
        return out;
    }

    /**
     * The regressors at time {@code t}: 1, then sine and cosine of each term. A term's phase depends only on
     * {@code t % m}, so the values come from {@code table[period][t % m]} (built by {@link #table}).
     */
    private static void row(int t, int[] periods, double[][][] table, double[] r) {
        r[0] = 1;
        int c = 1;
        for (int i = 0; i < periods.length; i++) {
            double[] v = table[i][t % periods[i]];
            System.arraycopy(v, 0, r, c, v.length);
            c += v.length;
        }
    }

    /** For each period and phase, the sine and cosine of each of its terms. */
    private static double[][][] table(int[] periods, int[][] terms) {
        double[][][] table = new double[periods.length][][];
        for (int i = 0; i < periods.length; i++) {
            int m = periods[i];
            table[i] = new double[m][2 * terms[i].length];
            for (int phase = 0; phase < m; phase++) {
                double angle = 2 * Math.PI * phase / m;
                for (int j = 0; j < terms[i].length; j++) {
                    table[i][phase][2 * j] = Math.sin(terms[i][j] * angle);
                    table[i][phase][2 * j + 1] = Math.cos(terms[i][j] * angle);
                }
            }
        }
        return table;
    }

    private static double seasonal(double[] beta, double[] r) {
        double s = 0;
        for (int j = 1; j < beta.length; j++) {
            s += beta[j] * r[j];
        }
        return s;
    }

    private static void residuals(double[][] design, double[] y, int from, double[] beta, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double f = 0;
            for (int j = 0; j < beta.length; j++) {
                f += beta[j] * design[i][j];
            }
            out[i] = y[from + i] - f;
        }
    }

    /**
     * Weighted least squares through the normal equations, which are small and well conditioned (Fourier terms over
     * whole cycles are nearly orthogonal): solved by Cholesky, or by QR when Cholesky refuses them; null when both
     * fail. The regressors repeat with the longest period {@code cycle} (the others divide it), so the sums run over
     * its phases: per phase, the total weight and weighted value, then one outer product per phase.
     */
    private static double[] solve(double[][] design, double[] y, int from, double[] w, int cycle) {
        int len = design.length;
        int p = design[0].length;
        double[] weight = new double[cycle];
        double[] weighted = new double[cycle];
        double[][] rowOf = new double[cycle][];
        for (int i = 0; i < len; i++) {
            int phase = (from + i) % cycle;
            weight[phase] += w[i];
            weighted[phase] += w[i] * y[from + i];
            rowOf[phase] = design[i];
        }
        double[][] xtx = new double[p][p];
        double[] xty = new double[p];
        for (int phase = 0; phase < cycle; phase++) {
            double[] row = rowOf[phase];
            double wp = weight[phase];
            if (row == null || wp == 0) {
                continue;
            }
            double wy = weighted[phase];
            for (int a = 0; a < p; a++) {
                double wa = wp * row[a];
                xty[a] += row[a] * wy;
                for (int b = 0; b <= a; b++) {
                    xtx[a][b] += wa * row[b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                xtx[a][b] = xtx[b][a];
            }
        }
        RealMatrix m = new Array2DRowRealMatrix(xtx, false);
        double[] beta;
        try {
            beta = new CholeskyDecomposition(m).getSolver().solve(new ArrayRealVector(xty, false)).toArray();
        } catch (RuntimeException notPositiveDefinite) {
            try {
                beta = new QRDecomposition(m).getSolver().solve(new ArrayRealVector(xty, false)).toArray();
            } catch (RuntimeException singular) {
                return null;
            }
        }
        for (double v : beta) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return beta;
    }
}
