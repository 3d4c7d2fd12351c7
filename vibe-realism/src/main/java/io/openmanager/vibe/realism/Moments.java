package io.openmanager.vibe.realism;

import java.util.Arrays;

/** Statistics of arrays that may hold NaN (missing values are skipped; a pair with a missing side is skipped). */
final class Moments {
    private Moments() {
    }

    static double[] present(double[] x, int from, int to) {
        double[] out = new double[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(x[i])) {
                out[n++] = x[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    static double mean(double[] x) {
        double sum = 0;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    static double sd(double[] x) {
        double m = mean(x);
        double ss = 0;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                ss += (v - m) * (v - m);
                n++;
            }
        }
        return n < 2 ? Double.NaN : Math.sqrt(ss / n);
    }

    /** Sample skewness (third standardised moment). */
    static double skew(double[] x) {
        return standardisedMoment(x, 3);
    }

    /** Excess kurtosis (fourth standardised moment minus 3). */
    static double kurtosis(double[] x) {
        return standardisedMoment(x, 4) - 3;
    }

    private static double standardisedMoment(double[] x, int k) {
        double m = mean(x);
        double m2 = 0;
        double mk = 0;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                double d = v - m;
                m2 += d * d;
                mk += k == 3 ? d * d * d : d * d * d * d;
                n++;
            }
        }
        if (n < 3 || m2 <= 0) {
            return Double.NaN;
        }
        m2 /= n;
        mk /= n;
        return mk / Math.pow(m2, k / 2.0);
    }

    /** Quantile q in [0, 1] of the present values, linear interpolation; NaN when none. */
    static double quantile(double[] x, double q) {
        double[] p = present(x, 0, x.length);
        if (p.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(p);
        return sortedQuantile(p, q);
    }

    static double sortedQuantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        double fraction = pos - lo;
        return fraction == 0 || sorted[hi] == sorted[lo] ? sorted[lo]
                : sorted[lo] + (sorted[hi] - sorted[lo]) * fraction;
    }

    /** Pearson correlation of present pairs; NaN with fewer than 3 pairs or a constant side. */
    static double correlation(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        double sa = 0;
        double sb = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                sa += a[i];
                sb += b[i];
                count++;
            }
        }
        if (count < 3) {
            return Double.NaN;
        }
        double ma = sa / count;
        double mb = sb / count;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                sab += (a[i] - ma) * (b[i] - mb);
                saa += (a[i] - ma) * (a[i] - ma);
                sbb += (b[i] - mb) * (b[i] - mb);
            }
        }
        return saa <= 0 || sbb <= 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /** Autocorrelation at a lag, over present pairs, with the whole series' mean and variance. */
    static double autocorrelation(double[] x, int lag) {
        if (lag >= x.length) {
            return Double.NaN;
        }
        double m = mean(x);
        double var = 0;
        int nv = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                var += (v - m) * (v - m);
                nv++;
            }
        }
        if (nv < 3 || var <= 0) {
            return Double.NaN;
        }
        var /= nv;
        double s = 0;
        int n = 0;
        for (int i = lag; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(x[i - lag])) {
                s += (x[i] - m) * (x[i - lag] - m);
                n++;
            }
        }
        return n < 3 ? Double.NaN : s / n / var;
    }

    /** First differences; NaN where either side is missing. */
    static double[] changes(double[] x) {
        if (x.length < 2) {
            return new double[0];
        }
        double[] d = new double[x.length - 1];
        for (int i = 1; i < x.length; i++) {
            d[i - 1] = x[i] - x[i - 1];
        }
        return d;
    }

    /** Largest absolute present value. */
    static double maxAbs(double[] x) {
        double m = Double.NaN;
        for (double v : x) {
            if (!Double.isNaN(v) && !(Math.abs(v) <= m)) {
                m = Math.abs(v);
            }
        }
        return m;
    }

    /**
     * Share of the variance explained by a grouping (eta squared): variance of the group means, weighted by group
     * size, over the total variance.
     */
    static double explainedShare(double[] x, int[] group, int groups) {
        double[] sum = new double[groups];
        int[] count = new int[groups];
        double total = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                sum[group[i]] += x[i];
                count[group[i]]++;
                total += x[i];
                n++;
            }
        }
        if (n < 3) {
            return Double.NaN;
        }
        double m = total / n;
        double between = 0;
        for (int g = 0; g < groups; g++) {
            if (count[g] > 0) {
                double gm = sum[g] / count[g];
                between += count[g] * (gm - m) * (gm - m);
            }
        }
        double within = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                within += (x[i] - m) * (x[i] - m);
            }
        }
        return within <= 0 ? Double.NaN : between / within;
    }

    /** Share of present values satisfying {@code v <= limit} ({@code below}) or {@code v >= limit}. */
    static double share(double[] x, double limit, boolean below) {
        int hit = 0;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                n++;
                if (below ? v <= limit : v >= limit) {
                    hit++;
                }
            }
        }
        return n == 0 ? Double.NaN : (double) hit / n;
    }
}
