package io.openmanager.vibe.analytics.forecast;

import java.time.Duration;
import java.util.Arrays;

/** {@link Method#AUTO}: see its javadoc. */
final class AutoForecaster implements Forecaster {
    /** The holdout fold's length without a seasonal period (with one: the shortest period). */
    static final int NON_SEASONAL_HOLDOUT = 48;
    /** The most steps computed at fit time. */
    static final int MAX_PRECOMPUTED = 10_000;
    /** Holdout folds whose errors calibrate the intervals. */
    static final int FOLDS = 3;
    /** The least history a fold is fitted on, in steps. */
    static final int MIN_TRAIN = 48;
    /** Members whose median is the forecast: the best five of seven on the holdout folds. */
    static final int KEPT = 5;

    private final int period;
    private final int holdout;

    AutoForecaster(int period, int holdout) {
        this.period = period;
        this.holdout = holdout;
    }

    @Override
    public Method method() {
        return Method.AUTO;
    }

    @Override
    public FittedModel fit(double[] values, Duration step) {
        double[] y = Series.clean(values);
        if (y.length == 0) {
            return Fitted.empty("auto");
        }
        try {
            return fitClean(y, step);
        } catch (RuntimeException e) {
            return Fitted.naive(y, "auto -> naive (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Fitted fitClean(double[] y, Duration step) {
        int n = y.length;
        int[] periods = Periods.multiple(y, step, period);
        int m = periods.length > 0 ? periods[0] : 1;
        int hold = holdout > 0 ? holdout : (periods.length > 0 ? periods[0] : NON_SEASONAL_HOLDOUT);
        int folds = 0;
        // In longs: a period near Integer.MAX_VALUE must not overflow into a fold that fits.
        while (folds < FOLDS && n - (long) (folds + 1) * hold >= Math.max(MIN_TRAIN, hold)) {
            folds++;
        }
        // Oldest fold first: each fold's combination is chosen on the folds before it, as the final one is on all.
        Fitted[] full = members(y, periods);
        double[] smape = new double[full.length];
        double[] mase = new double[full.length];
        // Sized by the folds that fit, never by the holdout asked for: a fold is at most the series' length.
        int foldLength = folds > 0 ? hold : 0;
        double[] z = new double[folds * foldLength];
        int count = 0;
        double[] mean = new double[foldLength];
        double[] sd = new double[foldLength];
        for (int f = folds; f >= 1; f--) {
            int train = n - f * hold;
            double[] history = Arrays.copyOf(y, train);
            Fitted[] candidates = members(history, Periods.multiple(history, step, period));
            select(candidates, smape, mase, folds - f, m).fill(hold, mean, sd);
            for (int k = 0; k < hold; k++) {
                if (sd[k] > 0 && Double.isFinite(mean[k])) {
                    z[count++] = Math.abs(y[train + k] - mean[k]) / sd[k];
                }
            }
            double[] actual = Arrays.copyOfRange(y, train, train + hold);
            double scale = Errors.maseScale(history, m);
            for (int i = 0; i < candidates.length; i++) {
                double[] forecast = candidates[i].forecast(hold).mean();
                smape[i] += Errors.smape(actual, forecast);
                mase[i] += scale > 0 ? Errors.mae(actual, forecast) / scale : Errors.mae(actual, forecast);
            }
        }
        Fitted point = select(full, smape, mase, folds, m);
        String description = "auto(" + describe(periods) + "): " + point.description();
        double[] q = Calibration.quantiles(z, count);
        // Steps computed once at fit time (later forecasts of at most that many are copies): bounded, so that a huge
        // holdout on a short series costs nothing; longer forecasts are computed when asked for.
        int ahead = (int) Math.min(MAX_PRECOMPUTED, Math.max(2L * hold, periods.length > 0
                ? periods[periods.length - 1] : 1));
        if (q == null) {
            return Calibration.apply(point, normal(), description + "; normal intervals (" + count
                    + " holdout errors)", ahead);
        }
        return Calibration.apply(point, q, description + "; intervals from " + count + " errors in " + folds
                + " holdout fold(s)", ahead);
    }

    /**
     * The median of the {@link #KEPT} members with the lowest holdout score (each member's mean sMAPE over the folds
     * relative to the members' average, plus the same for its MASE), or of all members without folds.
     */
    static Fitted select(Fitted[] members, double[] smape, double[] mase, int folds, int period) {
        int k = members.length;
        if (folds == 0 || k <= KEPT) {
            return Combination.median(members, period, "median of " + names(members));
        }
        double smapeMean = 0;
        double maseMean = 0;
        for (int i = 0; i < k; i++) {
            smapeMean += smape[i] / k;
            maseMean += mase[i] / k;
        }
        double[] score = new double[k];
        for (int i = 0; i < k; i++) {
            score[i] = (smapeMean > 0 ? smape[i] / smapeMean : 1) + (maseMean > 0 ? mase[i] / maseMean : 1);
        }
        boolean[] taken = new boolean[k];
        Fitted[] kept = new Fitted[KEPT];
        for (int c = 0; c < KEPT; c++) {
            int best = -1;
            for (int i = 0; i < k; i++) {
                if (!taken[i] && (best < 0 || score[i] < score[best])) {
                    best = i;
                }
            }
            taken[best] = true;
            kept[c] = members[best];
        }
        return Combination.median(kept, period, "median of " + names(kept));
    }

    private static String names(Fitted[] members) {
        StringBuilder b = new StringBuilder();
        for (Fitted f : members) {
            b.append(b.length() == 0 ? "" : ", ").append(f.description());
        }
        return b.toString();
    }

    private static double[] normal() {
        return new double[] {-Fitted.Z95, -Fitted.Z80, Fitted.Z80, Fitted.Z95};
    }

    private static String describe(int[] periods) {
        if (periods.length == 0) {
            return "no season";
        }
        StringBuilder b = new StringBuilder("periods ");
        for (int i = 0; i < periods.length; i++) {
            b.append(i == 0 ? "" : "+").append(periods[i]);
        }
        return b.toString();
    }

    /**
     * The seven members fitted on a gap-free series, after the history before a final level shift has been moved to
     * the new level ({@link LevelShift}) and outliers replaced ({@link Outliers}).
     */
    static Fitted[] members(double[] y, int[] periods) {
        int m = periods.length > 0 ? periods[0] : 1;
        int longest = periods.length > 0 ? periods[periods.length - 1] : 1;
        double[] x = Outliers.clean(LevelShift.relevel(y, m), periods);
        Fitted[] members = {
            SimpleForecaster.fitClean(Method.THETA, x, m, 0),
            SimpleForecaster.fitClean(Method.NAIVE2, x, m, 0),
            SimpleForecaster.fitClean(Method.SEASONAL_NAIVE, x, m, 0),
            seasonalMedian(x, m, SimpleForecaster.DAYS_OF_MEDIAN),
            seasonalMedian(x, longest, periods.length > 1 ? SimpleForecaster.WEEKS_OF_MEDIAN
                    : SimpleForecaster.DAYS_OF_MEDIAN),
            MstlModel.fit(x, periods, true, "mstl"),
            Harmonics.fit(x, periods, true, "harmonic"),
        };
        return members;
    }

    private static Fitted seasonalMedian(double[] x, int m, int cycles) {
        return m > 1 && x.length >= m ? SeasonalMedian.fit(x, m, cycles, "smedian")
                : Fitted.naive(x, "smedian -> naive");
    }
}
