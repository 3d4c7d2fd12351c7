package io.openmanager.vibe.analytics.forecast;

import java.util.Arrays;

/**
 * Base of the fitted models: a subclass fills point forecasts and forecast standard deviations; intervals are
 * {@code mean + q * sd} with the normal quantiles {@code q} unless {@link #quantiles(int)} says otherwise.
 */
abstract class Fitted implements FittedModel {
    static final double Z80 = 1.2815515655446004;
    static final double Z95 = 1.959963984540054;
    private static final double[] NORMAL = {-Z95, -Z80, Z80, Z95};

    private final String description;
    private final int period;
    private final int observations;

    Fitted(String description, int period, int observations) {
        this.description = description;
        this.period = Math.max(1, period);
        this.observations = observations;
    }

    /** Fills {@code mean[0..h)} and {@code sd[0..h)}. */
    abstract void fill(int h, double[] mean, double[] sd);

    /**
     * The multiples of the standard deviation added to the mean {@code k + 1} steps ahead for the lower 95 %, lower
     * 80 %, upper 80 % and upper 95 % bounds, in that order (ascending); the normal distribution's unless calibrated.
     */
    double[] quantiles(int k) {
        return NORMAL;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final int period() {
        return period;
    }

    @Override
    public final int observations() {
        return observations;
    }

    @Override
    public final Forecast forecast(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, was " + horizon);
        }
        double[] mean = new double[horizon];
        double[] sd = new double[horizon];
        fill(horizon, mean, sd);
        double[] l80 = new double[horizon];
        double[] u80 = new double[horizon];
        double[] l95 = new double[horizon];
        double[] u95 = new double[horizon];
        for (int k = 0; k < horizon; k++) {
            double[] q = quantiles(k);
            double s = Double.isFinite(sd[k]) && sd[k] >= 0 ? sd[k] : (Double.isNaN(mean[k]) ? Double.NaN : 0);
            l95[k] = mean[k] + q[0] * s;
            l80[k] = mean[k] + q[1] * s;
            u80[k] = mean[k] + q[2] * s;
            u95[k] = mean[k] + q[3] * s;
        }
        return new Forecast(description, period, mean, l80, u80, l95, u95);
    }

    /** Root mean square of {@code y[t] - y[t - lag]}, or 0. */
    static double lagRmse(double[] y, int lag) {
        double s = 0;
        int c = 0;
        for (int t = lag; t < y.length; t++) {
            double d = y[t] - y[t - lag];
            s += d * d;
            c++;
        }
        return c > 0 && Double.isFinite(s) ? Math.sqrt(s / c) : 0;
    }

    /** The model for an empty series: NaN everywhere. */
    static Fitted empty(String description) {
        return new Fitted(description + " (no data)", 1, 0) {
            @Override
            void fill(int h, double[] mean, double[] sd) {
                Arrays.fill(mean, Double.NaN);
                Arrays.fill(sd, Double.NaN);
            }
        };
    }

    /** Naive: last value; sd grows with the square root of the horizon. */
    static Fitted naive(double[] y, String description) {
        double last = y[y.length - 1];
        double sigma = lagRmse(y, 1);
        return new Fitted(description, 1, y.length) {
            @Override
            void fill(int h, double[] mean, double[] sd) {
                for (int k = 0; k < h; k++) {
                    mean[k] = last;
                    sd[k] = sigma * Math.sqrt(k + 1.0);
                }
            }
        };
    }

    /** Seasonal naive with period {@code m <= y.length}. */
    static Fitted seasonalNaive(double[] y, int m, String description) {
        double[] lastSeason = Arrays.copyOfRange(y, y.length - m, y.length);
        double sigma = lagRmse(y, m);
        return new Fitted(description, m, y.length) {
            @Override
            void fill(int h, double[] mean, double[] sd) {
                for (int k = 0; k < h; k++) {
                    mean[k] = lastSeason[k % m];
                    sd[k] = sigma * Math.sqrt(k / m + 1.0);
                }
            }
        };
    }

    /**
     * Least-squares line over the last {@code window} values (all if 0 or larger than the series). The standard
     * deviation at {@code x} steps is {@code sqrt(sigma^2 + Var(a + b x))}, the line's variance estimated with
     * Newey-West (Bartlett) weights on the residuals' autocovariances up to {@link #hacLags lag} {@code L}: residuals of
     * a line through server metrics are autocorrelated, and ordinary least squares would take the slope as many
     * times surer than it is.
     */
    static Fitted linear(double[] y, int window, String description) {
        int n = y.length;
        int w = window <= 0 || window > n ? n : Math.max(2, window);
        int from = n - w;
        double[] ab = Series.line(y, from, n);
        double[] e = new double[w];
        double sse = 0;
        for (int i = 0; i < w; i++) {
            e[i] = y[from + i] - (ab[0] + ab[1] * i);
            sse += e[i] * e[i];
        }
        double sigma = w > 2 ? Math.sqrt(sse / (w - 2)) : 0;
        double xm = (w - 1) / 2.0;
        double sxx = w * (w * (double) w - 1) / 12.0;
        // Newey-West covariance of (mean, slope): sums of u_t u_s k(|t - s|) with u = (1, x - xm) e.
        int lags = hacLags(w);
        double smm = 0;
        double sbb = 0;
        double smb = 0;
        for (int lag = 0; lag <= lags; lag++) {
            double k = lag == 0 ? 1 : 2 * (1 - lag / (lags + 1.0));
            double mm = 0;
            double bb = 0;
            double mb = 0;
            for (int t = lag; t < w; t++) {
                double ee = e[t] * e[t - lag];
                double dx = t - xm;
                double dy = t - lag - xm;
                mm += ee;
                bb += ee * dx * dy;
                mb += ee * 0.5 * (dx + dy);
            }
            smm += k * mm;
            sbb += k * bb;
            smb += k * mb;
        }
        double dof = w > 2 ? w / (w - 2.0) : 1;
        double varMean = Math.max(0, dof * smm) / ((double) w * w);
        double varSlope = sxx > 0 ? Math.max(0, dof * sbb) / (sxx * sxx) : 0;
        double covariance = sxx > 0 ? dof * smb / (w * sxx) : 0;
        double a = ab[0];
        double b = ab[1];
        double drift = slopeDrift(y, w, varSlope);
        return new Fitted(description, 1, n) {
            @Override
            void fill(int h, double[] mean, double[] sd) {
                double wander = 0;
                for (int k = 0; k < h; k++) {
                    double x = w - 1 + k + 1;
                    mean[k] = a + b * x;
                    double dx = x - xm;
                    double line = varMean + dx * dx * varSlope + 2 * dx * covariance;
                    // A random-walk slope: its step j moves the path k + 1 steps ahead by (k - j + 1) times itself.
                    wander += drift * (k + 1.0) * (k + 1.0);
                    sd[k] = Math.sqrt(sigma * sigma + Math.max(0, line) + wander);
                }
            }
        };
    }

    /**
     * The per-step variance of the slope taken as a random walk, from the least-squares slopes of every
     * {@code w}-value window of the history: their changes over {@code w} steps (robust: scaled median absolute
     * change), less the part that the slope's estimation noise ({@code varSlope}, twice) explains, per step; 0
     * without three windows of history.
     */
    static double slopeDrift(double[] y, int w, double varSlope) {
        int n = y.length;
        if (w < 3 || n < 3 * w) {
            return 0;
        }
        int count = n - w + 1;
        double[] slope = new double[count];
        double xm = (w - 1) / 2.0;
        double sxx = w * (w * (double) w - 1) / 12.0;
        double sumY = 0;
        double sumTY = 0;
        for (int t = 0; t < w; t++) {
            sumY += y[t];
            sumTY += t * y[t];
        }
        for (int start = 0; ; start++) {
            // The window's sum of (i - xm) y[start + i] is sumTY - (start + xm) sumY, with t = start + i.
            slope[start] = (sumTY - (start + xm) * sumY) / sxx;
            if (start + w >= n) {
                break;
            }
            sumY += y[start + w] - y[start];
            sumTY += (double) (start + w) * y[start + w] - (double) start * y[start];
        }
        double[] change = new double[count - w];
        for (int i = w; i < count; i++) {
            change[i - w] = Math.abs(slope[i] - slope[i - w]);
        }
        double sd = 1.4826 * Robust.median(change, 0, change.length);
        return Math.max(0, sd * sd - 2 * varSlope) / w;
    }

    /** Newey and West's automatic lag for {@code n} residuals: {@code floor(4 (n / 100)^(2/9))}, at least 1. */
    static int hacLags(int n) {
        return Math.max(1, (int) Math.floor(4 * Math.pow(n / 100.0, 2.0 / 9)));
    }
}
