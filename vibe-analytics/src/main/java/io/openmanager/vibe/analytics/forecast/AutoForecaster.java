package io.openmanager.vibe.analytics.forecast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@link Method#AUTO}: see its javadoc for the selection rule. */
final class AutoForecaster implements Forecaster {
    static final int NON_SEASONAL_HOLDOUT = 48;
    static final int MAX_FOLDS = 3;
    private static final Method[] CANDIDATES = {
        Method.NAIVE, Method.THETA, Method.HOLT, Method.HOLT_WINTERS_ADDITIVE, Method.HOLT_WINTERS_MULTIPLICATIVE,
        Method.LINEAR
    };

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

    /**
     * The holdout comparison behind a fit: candidate methods (index 0 the seasonal-naive or naive baseline, index
     * {@code methods.size()} the combination of {@code order[0..parts)}), their mean holdout sMAPE and MAE, and the
     * chosen index, and each candidate's fit on the earliest fold (which the whole-series refit starts from);
     * {@code folds == 0} when the series was too short to compare.
     */
    record Selection(int period, int folds, List<Method> methods, int[] order, int parts, double[] smape,
                     double[] mae, int chosen, Fitted[] earliest) {
    }

    /**
     * BOBYQA's stopping radius (unit cube) for the smoothing models on the earliest holdout fold: the holdout ranks
     * methods, which smoothing parameters 0.003 apart do not change, and the coarser stop saves most of the
     * evaluations (Holt-Winters multiplicative: about 320 at 1e-4, 60 here).
     */
    static final double FOLD_RHO_END = 3e-3;
    /** Trust region radius and stopping radius of the whole-series refit that starts from the fold's optimum. */
    static final double REFIT_RHO_BEGIN = 0.1;
    static final double REFIT_RHO_END = 1e-3;

    /**
     * Candidate {@code i} fitted on the whole series: a smoothing model is re-optimised from its earliest fold's
     * parameters (the fold is most of the series, so the optimum moves little), anything else is fitted afresh.
     */
    private static Fitted refit(Selection sel, int i, double[] y) {
        Fitted fold = sel.earliest()[i];
        if (fold instanceof Ets.EtsModel && sel.methods().get(i) != Method.THETA) {
            return Ets.refit(y, (Ets.EtsModel) fold, REFIT_RHO_BEGIN, REFIT_RHO_END);
        }
        return SimpleForecaster.fitClean(sel.methods().get(i), y, sel.period(), 0);
    }

    private Fitted fitClean(double[] y, Duration step) {
        Selection sel = select(y, step);
        int m = sel.period();
        String prefix = "auto(period=" + m + "): ";
        if (sel.folds() == 0) {
            Fitted f = SimpleForecaster.fitClean(sel.methods().get(0), y, m, 0);
            return relabel(f, prefix + f.description() + " (too short for a holdout)");
        }
        int k = sel.methods().size();
        if (sel.chosen() < k) {
            Fitted f = refit(sel, sel.chosen(), y);
            return relabel(f, prefix + f.description());
        }
        Fitted[] members = new Fitted[sel.parts()];
        StringBuilder names = new StringBuilder();
        for (int p = 0; p < sel.parts(); p++) {
            members[p] = refit(sel, sel.order()[p], y);
            names.append(p == 0 ? "" : ", ").append(members[p].description());
        }
        return Fitted.combination(members, prefix + "mean of " + names);
    }

    /** Compares the candidates on the holdout folds of a cleaned, non-empty series. */
    Selection select(double[] y, Duration step) {
        int n = y.length;
        int m = period > 0 ? period : Periods.detect(y, step);
        int hold = holdout > 0 ? holdout : (m > 1 ? m : NON_SEASONAL_HOLDOUT);
        hold = Math.min(hold, n / 4);
        int minTrain = (int) Math.min(Integer.MAX_VALUE, Math.max(2L * m, 8));
        Method baseline = m > 1 ? Method.SEASONAL_NAIVE : Method.NAIVE;
        int folds = 0;
        while (folds < MAX_FOLDS && hold >= 1 && n - (folds + 1) * hold >= minTrain) {
            folds++;
        }
        if (folds == 0) {
            // Too short to compare out of sample: the baseline itself.
            return new Selection(m, 0, List.of(baseline), new int[0], 0, new double[0], new double[0], 0,
                    new Fitted[0]);
        }
        List<Method> methods = new ArrayList<>();
        methods.add(baseline);
        for (Method c : CANDIDATES) {
            if (c == baseline || (m < 2 && (c == Method.HOLT_WINTERS_ADDITIVE
                    || c == Method.HOLT_WINTERS_MULTIPLICATIVE))) {
                continue;
            }
            if (c == Method.HOLT_WINTERS_MULTIPLICATIVE && !Series.allPositive(y)) {
                continue;
            }
            if (c == Method.HOLT && m > 1) {
                // A non-seasonal trend model on seasonal data extrapolates the last swing; Holt-Winters and Theta
                // cover the trend, and skipping it saves a third of the fitting time.
                continue;
            }
            methods.add(c);
        }
        int k = methods.size();
        double[][][] forecasts = new double[k][folds][];
        double[][] tests = new double[folds][];
        double[] smape = new double[k + 1];
        double[] mae = new double[k + 1];
        // Earliest fold first: its smoothing parameters are reused on the later folds (no look-ahead, and the
        // optimisation, most of the cost, runs once per method instead of once per fold).
        Fitted[] earliest = new Fitted[k];
        for (int f = folds - 1; f >= 0; f--) {
            int train = n - (f + 1) * hold;
            double[] trainY = java.util.Arrays.copyOf(y, train);
            tests[f] = java.util.Arrays.copyOfRange(y, train, train + hold);
            for (int i = 0; i < k; i++) {
                Fitted fit;
                if (earliest[i] instanceof Ets.EtsModel && methods.get(i) != Method.THETA) {
                    fit = Ets.rerun(trainY, (Ets.EtsModel) earliest[i]);
                } else {
                    fit = foldFit(methods.get(i), trainY, m);
                    earliest[i] = fit;
                }
                forecasts[i][f] = fit.forecast(hold).mean();
                smape[i] += Errors.smape(tests[f], forecasts[i][f]) / folds;
                mae[i] += Errors.mae(tests[f], forecasts[i][f]) / folds;
            }
        }
        // The combination: mean of the three best single methods by holdout score.
        int[] order = rank(smape, mae, k);
        int parts = Math.min(3, k);
        for (int f = 0; f < folds; f++) {
            double[] combo = new double[hold];
            for (int p = 0; p < parts; p++) {
                double[] fc = forecasts[order[p]][f];
                for (int t = 0; t < hold; t++) {
                    combo[t] += fc[t] / parts;
                }
            }
            smape[k] += Errors.smape(tests[f], combo) / folds;
            mae[k] += Errors.mae(tests[f], combo) / folds;
        }

        // Admissible: no worse than the baseline (index 0) on either error; the baseline always is.
        int chosen = 0;
        double bestScore = score(smape, mae, 0);
        for (int i = 1; i <= k; i++) {
            if (smape[i] <= smape[0] && mae[i] <= mae[0]) {
                double s = score(smape, mae, i);
                if (s < bestScore) {
                    bestScore = s;
                    chosen = i;
                }
            }
        }
        return new Selection(m, folds, List.copyOf(methods), order, parts, smape, mae, chosen, earliest);
    }

    private static Fitted foldFit(Method method, double[] y, int m) {
        return SimpleForecaster.fitClean(method, y, m, 0, FOLD_RHO_END);
    }

    /** OWA-like holdout score relative to the baseline: 2 for the baseline itself. */
    private static double score(double[] smape, double[] mae, int i) {
        double s = smape[0] > 0 ? smape[i] / smape[0] : (smape[i] > 0 ? 2 : 1);
        double a = mae[0] > 0 ? mae[i] / mae[0] : (mae[i] > 0 ? 2 : 1);
        return s + a;
    }

    private static int[] rank(double[] smape, double[] mae, int k) {
        Integer[] idx = new Integer[k];
        double[] sc = new double[k];
        for (int i = 0; i < k; i++) {
            idx[i] = i;
            sc[i] = score(smape, mae, i);
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(sc[a], sc[b]));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    private static Fitted relabel(Fitted f, String description) {
        return new Fitted(description, f.period(), f.observations()) {
            @Override
            void fill(int h, double[] mean, double[] sd) {
                f.fill(h, mean, sd);
            }
        };
    }
}
