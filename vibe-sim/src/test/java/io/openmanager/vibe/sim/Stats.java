package io.openmanager.vibe.sim;

/** Small statistics over series; NaN entries are skipped. */
final class Stats {
    private Stats() {
    }

    static double mean(double[] x, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(x[i])) {
                sum += x[i];
                n++;
            }
        }
        return sum / n;
    }

    static double mean(double[] x) {
        return mean(x, 0, x.length);
    }

    /** Pearson correlation of the pairs where both are present. */
    static double correlation(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                mx += x[i];
                my += y[i];
                n++;
            }
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
                syy += (y[i] - my) * (y[i] - my);
            }
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    static double[] log(double[] x) {
        double[] result = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            result[i] = Math.log(x[i]);
        }
        return result;
    }

    /** Centred moving average over {@code 2 * half + 1} samples; NaN where the window does not fit. */
    static double[] movingAverage(double[] x, int half) {
        double[] result = new double[x.length];
        java.util.Arrays.fill(result, Double.NaN);
        double sum = 0;
        int width = 2 * half + 1;
        for (int i = 0; i < x.length; i++) {
            sum += x[i];
            if (i >= width) {
                sum -= x[i - width];
            }
            if (i >= width - 1) {
                result[i - half] = sum / width;
            }
        }
        return result;
    }

    static double[] minus(double[] x, double[] y) {
        double[] result = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            result[i] = x[i] - y[i];
        }
        return result;
    }
}
