package io.openmanager.vibe.analytics.forecast;

/**
 * Prediction intervals calibrated on rolling-origin errors, split-conformal style: each error of a holdout forecast is
 * divided by the model's standard deviation at that step, and the 80 % and 95 % bounds are {@code mean +- q sd} with
 * {@code q} the empirical 80 % and 95 % quantiles of the absolute normalised errors, taken conservatively as in
 * conformal prediction (the {@code ceil((N + 1) p)}-th smallest of {@code N}). Symmetric: with a few holdout folds, a
 * fold's bias would otherwise tilt the intervals. With fewer than {@link #MIN_ERRORS} errors the normal quantiles stay.
 */
final class Calibration {
    static final int MIN_ERRORS = 40;

    private Calibration() {
    }

    /**
     * The quantile multipliers (lower 95, lower 80, upper 80, upper 95) from the absolute normalised errors
     * {@code z[0..count)}, or null when there are too few; {@code z} is sorted in place.
     */
    static double[] quantiles(double[] z, int count) {
        if (count < MIN_ERRORS) {
            return null;
        }
        java.util.Arrays.sort(z, 0, count);
        double q80 = z[rank(0.80, count) - 1];
        double q95 = Math.max(q80, z[rank(0.95, count) - 1]);
        return new double[] {-q95, -q80, q80, q95};
    }

    private static int rank(double p, int count) {
        return Math.max(1, Math.min(count, (int) Math.ceil((count + 1) * p)));
    }

    /**
     * {@code model} with the given quantile multipliers and a new description; its first {@code ahead} steps are
     * computed once, here, so that forecasting them again costs a copy.
     */
    static Fitted apply(Fitted model, double[] quantiles, String description, int ahead) {
        double[] q = quantiles.clone();
        double[] means = new double[ahead];
        double[] sds = new double[ahead];
        model.fill(ahead, means, sds);
        return new Fitted(description, model.period(), model.observations()) {
            @Override
            void fill(int h, double[] mean, double[] sd) {
                if (h <= ahead) {
                    System.arraycopy(means, 0, mean, 0, h);
                    System.arraycopy(sds, 0, sd, 0, h);
                } else {
                    model.fill(h, mean, sd);
                }
            }

            @Override
            double[] quantiles(int k) {
                return q;
            }
        };
    }
}
