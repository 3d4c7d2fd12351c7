package io.openmanager.vibe.analytics.forecast;

/** Theta and Naive2: models of the seasonally adjusted series, re-seasonalised. */
final class Theta {
    private Theta() {
    }

    /** A seasonal adjustment: {@code idx[t % m]} multiplies (or adds to) the adjusted series. */
    private static final class Adjustment {
        final int m;
        final boolean multiplicative;
        final double[] idx;
        final int n;

        Adjustment(double[] y, int m) {
            this.n = y.length;
            if (Series.seasonal(y, m)) {
                this.m = m;
                this.multiplicative = Series.allPositive(y);
                this.idx = Series.seasonalIndices(y, m, multiplicative);
            } else {
                this.m = 1;
                this.multiplicative = false;
                this.idx = new double[] {0};
            }
        }

        double[] adjust(double[] y) {
            double[] x = new double[y.length];
            for (int t = 0; t < y.length; t++) {
                double s = idx[t % m];
                x[t] = multiplicative ? y[t] / s : y[t] - s;
            }
            return x;
        }

        Fitted reseasonalise(Fitted adjusted, String description) {
            if (m == 1) {
                return adjusted;
            }
            return new Fitted(description, m, n) {
                @Override
                void fill(int h, double[] mean, double[] sd) {
                    adjusted.fill(h, mean, sd);
                    for (int k = 0; k < h; k++) {
                        double s = idx[(n + k) % m];
                        if (multiplicative) {
                            mean[k] *= s;
                            sd[k] *= s;
                        } else {
                            mean[k] += s;
                        }
                    }
                }
            };
        }
    }

    static Fitted naive2(double[] y, int m, String description) {
        Adjustment a = new Adjustment(y, m);
        return a.reseasonalise(Fitted.naive(a.adjust(y), description), description);
    }

    /** SES with drift (Hyndman and Billah 2003): drift = half the least-squares slope of the adjusted series. */
    static Fitted theta(double[] y, int m, String description) {
        Adjustment a = new Adjustment(y, m);
        double[] x = a.adjust(y);
        int n = x.length;
        if (n < 3) {
            return a.reseasonalise(Fitted.naive(x, description + " -> naive"), description);
        }
        Fitted ses = Ets.fit(x, 1, false, Ets.Season.NONE, 1, 1, description);
        if (!(ses instanceof Ets.EtsModel)) {
            return a.reseasonalise(ses, description);
        }
        Ets.EtsModel model = (Ets.EtsModel) ses;
        double level = model.level();
        double sigma = model.sigma();
        double alpha = model.alpha();
        double b0 = Series.line(x, 0, n)[1];
        double offset = 1 / alpha - Math.pow(1 - alpha, n) / alpha;
        Fitted drift = new Fitted(description, 1, n) {
            @Override
            void fill(int h, double[] mean, double[] sd) {
                for (int k = 0; k < h; k++) {
                    mean[k] = level + 0.5 * b0 * (k + offset);
                    sd[k] = sigma * Math.sqrt(1 + k * alpha * alpha);
                }
            }
        };
        return a.reseasonalise(drift, description);
    }
}
