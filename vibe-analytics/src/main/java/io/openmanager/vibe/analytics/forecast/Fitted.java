package io.openmanager.vibe.analytics.forecast;

import java.util.Arrays;

/**
 * Base of the fitted models: a subclass fills point forecasts and forecast standard deviations; intervals are
 * {@code mean + q * sd} with the normal quantiles {@code q} unless {@link #quantiles()} says otherwise.
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
     * The multiples of the standard deviation added to the mean for the lower 95 %, lower 80 %, upper 80 % and upper
     * 95 % bounds, in that order (ascending); the normal distribution's unless calibrated.
     */
    double[] quantiles() {
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
        double[] q = quantiles();
        for (int k = 0; k < horizon; k++) {
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

    /** Least-squares line over the last {@code window} values (all if 0 or larger than the series). */
    static Fitted linear(double[] y, int window, String description) {
        int n = y.length;
        int w = window <= 0 || window > n ? n : Math.max(2, window);
        int from = n - w;
        double[] ab = Series.line(y, from, n);
        double sse = 0;
        for (int i = 0; i < w; i++) {
            double e = y[from + i] - (ab[0] + ab[1] * i);
            sse += e * e;
        }
        double sigma = w > 2 ? Math.sqrt(sse / (w - 2)) : 0;
        double xm = (w - 1) / 2.0;
        double sxx = w * (w * (double) w - 1) / 12.0;
        double a = ab[0];
        double b = ab[1];
        return new Fitted(description, 1, n) {
            @Override
            void fill(int h, double[] mean, double[] sd) {
                for (int k = 0; k < h; k++) {
                    double x = w - 1 + k + 1;
                    mean[k] = a + b * x;
                    double dx = x - xm;
                    sd[k] = sigma * Math.sqrt(1 + 1.0 / w + (sxx > 0 ? dx * dx / sxx : 0));
                }
            }
        };
    }

    /** Mean of several models' forecasts and standard deviations. */
    static Fitted combination(Fitted[] parts, String description) {
        return new Fitted(description, parts[0].period(), parts[0].observations()) {
            @Override
            void fill(int h, double[] mean, double[] sd) {
                double[] pm = new double[h];
                double[] ps = new double[h];
                for (Fitted p : parts) {
                    p.fill(h, pm, ps);
                    for (int k = 0; k < h; k++) {
                        mean[k] += pm[k] / parts.length;
                        sd[k] += ps[k] / parts.length;
                    }
                }
            }
        };
    }
}
