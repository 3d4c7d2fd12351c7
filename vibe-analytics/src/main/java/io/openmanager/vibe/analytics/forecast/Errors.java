package io.openmanager.vibe.analytics.forecast;

/** Point-forecast error measures; non-finite actuals are skipped. */
final class Errors {
    private Errors() {
    }

    /** Symmetric MAPE in per cent (0 .. 200); a point where actual and forecast are both 0 counts as 0. */
    static double smape(double[] actual, double[] forecast) {
        double s = 0;
        int c = 0;
        for (int t = 0; t < actual.length; t++) {
            double a = actual[t];
            double f = forecast[t];
            if (!Double.isFinite(a)) {
                continue;
            }
            double den = Math.abs(a) + Math.abs(f);
            s += den > 0 ? 200 * Math.abs(a - f) / den : (Double.isNaN(f) ? 200 : 0);
            c++;
        }
        return c > 0 ? s / c : Double.NaN;
    }

    static double mae(double[] actual, double[] forecast) {
        double s = 0;
        int c = 0;
        for (int t = 0; t < actual.length; t++) {
            if (Double.isFinite(actual[t])) {
                double e = Math.abs(actual[t] - forecast[t]);
                s += Double.isNaN(e) ? Double.MAX_VALUE / actual.length : e;
                c++;
            }
        }
        return c > 0 ? s / c : Double.NaN;
    }

    /** Mean absolute seasonal difference of the training series (MASE's scale), or 0. */
    static double maseScale(double[] train, int m) {
        int lag = m >= 1 && train.length > m ? m : 1;
        double s = 0;
        int c = 0;
        for (int t = lag; t < train.length; t++) {
            double d = train[t] - train[t - lag];
            if (Double.isFinite(d)) {
                s += Math.abs(d);
                c++;
            }
        }
        return c > 0 ? s / c : 0;
    }
}
