package io.openmanager.vibe.analytics.forecast;

/**
 * Seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae and Terpenning 1990), as R's {@code stl} without
 * its robustness iterations ({@code robust = FALSE}; outliers are cleaned before, by {@link Outliers}): inner passes
 * of cycle-subseries smoothing, low-pass filtering and trend smoothing. Loess fits are evaluated every {@code jump}
 * points and interpolated between, with R's default jumps (a tenth of each window) and degrees (0 for the seasonal
 * smoothing, 1 for the others). Arrays are indexed from 0; the algorithm and its constants follow the original Fortran.
 */
final class Stl {
    private Stl() {
    }


    /** The components of one decomposition: {@code y = trend + seasonal + remainder}. */
    record Result(double[] trend, double[] seasonal) {
    }

    /**
     * Decomposes {@code y} (at least two periods long).
     *
     * @param period  the seasonal period, at least 2
     * @param sWindow the seasonal smoothing window in cycles (odd, at least 7); a very long one approaches a periodic
     *                seasonal pattern
     * @param passes  inner passes (R's default: 2)
     */
    static Result decompose(double[] y, int period, int sWindow, int passes) {
        int n = y.length;
        int ns = odd(Math.max(3, sWindow));
        int nt = odd((int) Math.ceil(1.5 * period / (1 - 1.5 / ns)));
        int nl = odd(period);
        int sJump = (int) Math.ceil(ns / 10.0);
        int tJump = (int) Math.ceil(nt / 10.0);
        int lJump = (int) Math.ceil(nl / 10.0);
        double[] trend = new double[n];
        double[] season = new double[n];
        Work w = new Work(n, period);
        for (int it = 0; it < passes; it++) {
            for (int i = 0; i < n; i++) {
                w.detrended[i] = y[i] - trend[i];
            }
            subseries(w.detrended, n, period, ns, sJump, w.cycle, w);
            lowPass(w.cycle, n + 2 * period, period, w.lowPassed, w.ma);
            smooth(w.lowPassed, n, nl, 1, lJump, w.low);
            for (int i = 0; i < n; i++) {
                season[i] = w.cycle[period + i] - w.low[i];
                w.detrended[i] = y[i] - season[i];
            }
            smooth(w.detrended, n, nt, 1, tJump, trend);
        }
        return new Result(trend, season);
    }

    /** Scratch arrays of one decomposition. */
    private static final class Work {
        final double[] detrended;
        final double[] cycle;
        final double[] lowPassed;
        final double[] ma;
        final double[] low;
        final double[] sub;
        final double[] subSmooth;

        Work(int n, int period) {
            detrended = new double[n];
            cycle = new double[n + 2 * period];
            lowPassed = new double[n + 2 * period];
            ma = new double[n + 2 * period];
            low = new double[n];
            int k = n / period + 3;
            sub = new double[k];
            subSmooth = new double[k + 2];
        }
    }

    private static int odd(int v) {
        return v % 2 == 0 ? v + 1 : v;
    }

    /**
     * Smooths each cycle-subseries and extends it by one value at each end; {@code season} gets
     * {@code n + 2 * period} values (the first period is the backward extension).
     */
    private static void subseries(double[] y, int n, int period, int ns, int jump, double[] season, Work w) {
        for (int j = 0; j < period; j++) {
            int k = (n - j - 1) / period + 1;
            for (int i = 0; i < k; i++) {
                w.sub[i] = y[i * period + j];
            }
            // Smoothed values at 1..k of subSmooth, extrapolations at 0 and k + 1.
            smoothInto(w.sub, k, ns, 0, jump, w.subSmooth, 1);
            int nright = Math.min(ns, k);
            double v = estimate(w.sub, k, ns, 0, -1, 0, nright - 1);
            w.subSmooth[0] = Double.isNaN(v) ? w.subSmooth[1] : v;
            int nleft = Math.max(0, k - ns);
            v = estimate(w.sub, k, ns, 0, k, nleft, k - 1);
            w.subSmooth[k + 1] = Double.isNaN(v) ? w.subSmooth[k] : v;
            for (int m = 0; m < k + 2; m++) {
                season[m * period + j] = w.subSmooth[m];
            }
        }
    }

    /** Moving averages of lengths period, period and 3 of {@code x[0..n)} into {@code out[0..n - 2 period)}. */
    private static void lowPass(double[] x, int n, int period, double[] out, double[] tmp) {
        movingAverage(x, n, period, tmp);
        movingAverage(tmp, n - period + 1, period, out);
        movingAverage(out, n - 2 * period + 2, 3, tmp);
        System.arraycopy(tmp, 0, out, 0, n - 2 * period);
    }

    private static void movingAverage(double[] x, int n, int len, double[] out) {
        int newN = n - len + 1;
        double v = 0;
        for (int i = 0; i < len; i++) {
            v += x[i];
        }
        out[0] = v / len;
        for (int j = 1; j < newN; j++) {
            v += x[j + len - 1] - x[j - 1];
            out[j] = v / len;
        }
    }

    private static void smooth(double[] y, int n, int len, int degree, int jump, double[] out) {
        smoothInto(y, n, len, degree, jump, out, 0);
    }

    /** Loess of {@code y[0..n)} with span {@code len}, into {@code out[offset .. offset + n)}. */
    private static void smoothInto(double[] y, int n, int len, int degree, int jump, double[] out, int offset) {
        if (n < 2) {
            out[offset] = y[0];
            return;
        }
        int newJump = Math.min(jump, n - 1);
        int nleft = 0;
        int nright = 0;
        if (len >= n) {
            nleft = 0;
            nright = n - 1;
            for (int i = 0; i < n; i += newJump) {
                double v = estimate(y, n, len, degree, i, nleft, nright);
                out[offset + i] = Double.isNaN(v) ? y[i] : v;
            }
        } else if (newJump == 1) {
            int nsh = (len + 1) / 2;
            nleft = 0;
            nright = len - 1;
            for (int i = 0; i < n; i++) {
                if (i + 1 > nsh && nright != n - 1) {
                    nleft++;
                    nright++;
                }
                double v = estimate(y, n, len, degree, i, nleft, nright);
                out[offset + i] = Double.isNaN(v) ? y[i] : v;
            }
        } else {
            int nsh = (len + 1) / 2;
            for (int i = 0; i < n; i += newJump) {
                if (i + 1 < nsh) {
                    nleft = 0;
                    nright = len - 1;
                } else if (i + 1 >= n - nsh + 1) {
                    nleft = n - len;
                    nright = n - 1;
                } else {
                    nleft = i + 1 - nsh;
                    nright = len + i - nsh;
                }
                double v = estimate(y, n, len, degree, i, nleft, nright);
                out[offset + i] = Double.isNaN(v) ? y[i] : v;
            }
        }
        if (newJump != 1) {
            for (int i = 0; i < n - newJump; i += newJump) {
                double delta = (out[offset + i + newJump] - out[offset + i]) / newJump;
                for (int j = i + 1; j < i + newJump; j++) {
                    out[offset + j] = out[offset + i] + delta * (j - i);
                }
            }
            int k = ((n - 1) / newJump) * newJump;
            if (k != n - 1) {
                double v = estimate(y, n, len, degree, n - 1, nleft, nright);
                out[offset + n - 1] = Double.isNaN(v) ? y[n - 1] : v;
                if (k != n - 2) {
                    double delta = (out[offset + n - 1] - out[offset + k]) / (n - 1 - k);
                    for (int j = k + 1; j < n - 1; j++) {
                        out[offset + j] = out[offset + k] + delta * (j - k);
                    }
                }
            }
        }
    }

    /**
     * The loess estimate at {@code xs} (may lie outside the data) from {@code y[nleft..nright]} with tricube
     * weights; degree 0 or 1. NaN when every weight is 0. One pass of weighted sums: the weighted mean {@code my}, and
     * for degree 1 the local line through it, {@code my + b (xs - mx)} with {@code b = cov(x, y) / var(x)}: the Fortran's
     * reweighting {@code w (1 + b (j - mx))} summed, its test on the spread of {@code x} kept.
     */
    private static double estimate(double[] y, int n, int len, int degree, int xs, int nleft, int nright) {
        double range = n - 1.0;
        double h = Math.max(xs - nleft, nright - xs);
        if (len > n) {
            h += (len - n) / 2;
        }
        double h9 = 0.999 * h;
        double h1 = 0.001 * h;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double sy = 0;
        double sxy = 0;
        for (int j = nleft; j <= nright; j++) {
            double d = j - xs;
            double r = Math.abs(d);
            if (r <= h9) {
                double wj;
                if (r <= h1) {
                    wj = 1;
                } else {
                    double q = r / h;
                    q = 1 - q * q * q;
                    wj = q * q * q;
                }
                double wy = wj * y[j];
                s0 += wj;
                s1 += wj * d;
                s2 += wj * d * d;
                sy += wy;
                sxy += wy * d;
            }
        }
        if (s0 <= 0) {
            return Double.NaN;
        }
        double mean = s1 / s0;
        double my = sy / s0;
        if (h > 0 && degree > 0) {
            double c = s2 / s0 - mean * mean;
            if (Math.sqrt(Math.max(0, c)) > 0.001 * range) {
                // xs is at offset 0: the line at 0 is my + b (0 - mean).
                double b = (sxy / s0 - mean * my) / c;
                return my - b * mean;
            }
        }
        return my;
    }
}
