package io.openmanager.vibe.analytics.forecast;

/** Array helpers shared by the forecasters: gap policy, autocorrelation, classical decomposition. */
final class Series {
    private Series() {
    }

    /** Applies the gap policy of {@link Forecaster}: drop leading gaps, interpolate interior ones, carry the last. */
    static double[] clean(double[] values) {
        int n = values.length;
        int first = 0;
        while (first < n && !Double.isFinite(values[first])) {
            first++;
        }
        double[] y = new double[n - first];
        int lastFinite = -1;
        for (int i = first; i < n; i++) {
            double v = values[i];
            int j = i - first;
            if (Double.isFinite(v)) {
                if (lastFinite >= 0 && lastFinite < j - 1) {
                    double from = y[lastFinite];
                    int gap = j - lastFinite;
                    for (int k = lastFinite + 1; k < j; k++) {
                        y[k] = from + (v - from) * (k - lastFinite) / gap;
                    }
                }
                y[j] = v;
                lastFinite = j;
            }
        }
        for (int k = lastFinite + 1; k < y.length; k++) {
            y[k] = y[lastFinite];
        }
        return y;
    }

    static boolean allPositive(double[] y) {
        for (double v : y) {
            if (!(v > 0)) {
                return false;
            }
        }
        return true;
    }

    static double mean(double[] y, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += y[i];
        }
        return to > from ? s / (to - from) : 0;
    }

    /** Residuals of a least-squares line through the series. */
    static double[] detrend(double[] y) {
        int n = y.length;
        double[] r = new double[n];
        if (n < 2) {
            return r;
        }
        double[] ab = line(y, 0, n);
        for (int i = 0; i < n; i++) {
            r[i] = y[i] - (ab[0] + ab[1] * i);
        }
        return r;
    }

    /** Intercept (at index {@code from}) and slope of the least-squares line through {@code y[from..to)}. */
    static double[] line(double[] y, int from, int to) {
        int n = to - from;
        double xm = (n - 1) / 2.0;
        double ym = mean(y, from, to);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = i - xm;
            sxy += dx * (y[from + i] - ym);
            sxx += dx * dx;
        }
        double slope = sxx > 0 ? sxy / sxx : 0;
        return new double[] {ym - slope * xm, slope};
    }

    /** Autocorrelations at lags {@code 1..maxLag} (index = lag; index 0 is 1). */
    static double[] acf(double[] y, int maxLag) {
        int n = y.length;
        double[] r = new double[maxLag + 1];
        double m = mean(y, 0, n);
        double c0 = 0;
        for (double v : y) {
            c0 += (v - m) * (v - m);
        }
        r[0] = 1;
        if (!(c0 > 0) || !Double.isFinite(c0)) {
            return r;
        }
        for (int lag = 1; lag <= maxLag && lag < n; lag++) {
            double c = 0;
            for (int i = lag; i < n; i++) {
                c += (y[i] - m) * (y[i - lag] - m);
            }
            r[lag] = c / c0;
        }
        return r;
    }

    static double acfAt(double[] y, int lag) {
        int n = y.length;
        if (lag >= n) {
            return 0;
        }
        double m = mean(y, 0, n);
        double c0 = 0;
        for (double v : y) {
            c0 += (v - m) * (v - m);
        }
        if (!(c0 > 0) || !Double.isFinite(c0)) {
            return 0;
        }
        double c = 0;
        for (int i = lag; i < n; i++) {
            c += (y[i] - m) * (y[i - lag] - m);
        }
        return c / c0;
    }

    /**
     * The M4 competition's seasonality test: at least three periods, and the autocorrelation at lag m significant at
     * 90 % (its limit growing with the squared autocorrelations below m). M4's code takes the autocorrelations from
     * R's {@code acf} with its default maximum lag {@code 10 log10(n)}, which stops short of lag 24 below 252 values;
     * here lag m is always computed (M4's hourly series are all longer than 700 values, where the two agree).
     */
    static boolean seasonal(double[] y, int m) {
        int n = y.length;
        // n / 3 < m rather than n < 3 * m: a period near Integer.MAX_VALUE must not overflow into a huge ACF.
        if (m < 2 || n / 3 < m) {
            return false;
        }
        double[] r = acf(y, m);
        double s = 0;
        for (int k = 1; k < m; k++) {
            s += r[k] * r[k];
        }
        double limit = 1.645 * Math.sqrt((1 + 2 * s) / n);
        return Math.abs(r[m]) > limit;
    }

    /**
     * Seasonal indices by classical decomposition (centred moving average), aligned so that {@code idx[t % m]} is the
     * index at time {@code t}; multiplicative (mean 1) when every value is positive, else additive (mean 0).
     */
    static double[] seasonalIndices(double[] y, int m, boolean multiplicative) {
        int n = y.length;
        double[] sum = new double[m];
        int[] count = new int[m];
        int half = m / 2;
        for (int t = half; t + half < n; t++) {
            double ma;
            if (m % 2 == 1) {
                ma = mean(y, t - half, t + half + 1);
            } else {
                double s = 0.5 * y[t - half] + 0.5 * y[t + half];
                for (int i = t - half + 1; i < t + half; i++) {
                    s += y[i];
                }
                ma = s / m;
            }
            double ratio = multiplicative ? (ma != 0 ? y[t] / ma : 1) : y[t] - ma;
            if (Double.isFinite(ratio)) {
                sum[t % m] += ratio;
                count[t % m]++;
            }
        }
        double[] idx = new double[m];
        double total = 0;
        for (int i = 0; i < m; i++) {
            idx[i] = count[i] > 0 ? sum[i] / count[i] : (multiplicative ? 1 : 0);
            total += idx[i];
        }
        double avg = total / m;
        for (int i = 0; i < m; i++) {
            if (multiplicative) {
                idx[i] = avg > 0 ? idx[i] / avg : 1;
                if (!(idx[i] > 0)) {
                    idx[i] = 1;
                }
            } else {
                idx[i] -= avg;
            }
        }
        return idx;
    }
}
