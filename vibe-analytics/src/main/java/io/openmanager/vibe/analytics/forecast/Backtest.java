package io.openmanager.vibe.analytics.forecast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rolling-origin evaluation of forecasters: for each series, the last {@code origins} non-overlapping blocks of
 * {@code horizon} values are forecast in turn, each from all the values before it, and scored by sMAPE and MASE.
 *
 * <pre>{@code
 * Backtest bt = Backtest.of(48, 3).withStep(Duration.ofMinutes(5));
 * for (Accuracy a : bt.compare(List.of(Forecaster.auto(0, 48), Forecaster.of(Method.THETA, 0)),
 *         Forecaster.of(Method.SEASONAL_NAIVE, 0), series)) {
 *     System.out.println(a);                     // OWA relative to seasonal naive
 * }
 * }</pre>
 *
 * <p>MASE's seasonal scale uses the given period, else the period detected on each whole series (see
 * {@link Forecaster#detectPeriod}). An origin needs at least {@code max(2 * horizon, 10)} values before it; series too
 * short for any origin are skipped. Non-finite actual values are left out of the errors. The share of actual values
 * inside the 80 % and 95 % intervals measures their calibration. Instances are immutable.
 */
public final class Backtest {
    private final int horizon;
    private final int origins;
    private final int period;
    private final Duration step;

    private Backtest(int horizon, int origins, int period, Duration step) {
        this.horizon = horizon;
        this.origins = origins;
        this.period = period;
        this.step = step;
    }

    /**
     * A backtest of {@code horizon} steps at {@code origins} origins per series.
     *
     * @throws IllegalArgumentException if either is below 1
     */
    public static Backtest of(int horizon, int origins) {
        if (horizon < 1 || origins < 1) {
            throw new IllegalArgumentException("horizon and origins must be >= 1, were " + horizon + ", " + origins);
        }
        return new Backtest(horizon, origins, 0, null);
    }

    /** The same backtest with the sampling interval passed to the forecasters and to period detection. */
    public Backtest withStep(Duration step) {
        return new Backtest(horizon, origins, period, Objects.requireNonNull(step, "step must not be null"));
    }

    /**
     * The same backtest with MASE's seasonal period fixed ({@code 0} = detect per series).
     *
     * @throws IllegalArgumentException if {@code period < 0}
     */
    public Backtest withPeriod(int period) {
        if (period < 0) {
            throw new IllegalArgumentException("period must be >= 0 (0 = detect), was " + period);
        }
        return new Backtest(horizon, origins, period, step);
    }

    /** Scores one forecaster over the series; OWA is NaN. */
    public Accuracy evaluate(Forecaster forecaster, List<double[]> series) {
        Objects.requireNonNull(forecaster, "forecaster must not be null");
        int[] periods = periods(series);
        return evaluate(forecaster, series, periods);
    }

    /**
     * Scores each forecaster and the reference over the same series and origins; each result carries its OWA
     * relative to the reference, and the reference's own result comes last (OWA 1).
     */
    public List<Accuracy> compare(List<Forecaster> forecasters, Forecaster reference, List<double[]> series) {
        int[] periods = periods(series);
        Accuracy ref = evaluate(reference, series, periods).relativeTo(evaluate(reference, series, periods));
        List<Accuracy> out = new ArrayList<>();
        for (Forecaster f : forecasters) {
            out.add(evaluate(f, series, periods).relativeTo(ref));
        }
        out.add(ref);
        return List.copyOf(out);
    }

    private int[] periods(List<double[]> series) {
        int[] p = new int[series.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = period > 0 ? period : Forecaster.detectPeriod(series.get(i), step);
        }
        return p;
    }

    private Accuracy evaluate(Forecaster forecaster, List<double[]> series, int[] periods) {
        double smapeSum = 0;
        int smapeCount = 0;
        double maseSum = 0;
        int maseCount = 0;
        long points = 0;
        long in80 = 0;
        long in95 = 0;
        int minTrain = Math.max(2 * horizon, 10);
        for (int s = 0; s < series.size(); s++) {
            double[] y = series.get(s);
            for (int k = 0; k < origins; k++) {
                int origin = y.length - horizon * (k + 1);
                if (origin < minTrain) {
                    break;
                }
                double[] train = java.util.Arrays.copyOf(y, origin);
                double[] actual = java.util.Arrays.copyOfRange(y, origin, origin + horizon);
                Forecast forecast = forecaster.fit(train, step).forecast(horizon);
                double[] f = forecast.mean();
                double smape = Errors.smape(actual, f);
                if (Double.isNaN(smape)) {
                    continue;
                }
                for (int t = 0; t < horizon; t++) {
                    double a = actual[t];
                    if (Double.isFinite(a)) {
                        points++;
                        in80 += a >= forecast.lower(80, t) && a <= forecast.upper(80, t) ? 1 : 0;
                        in95 += a >= forecast.lower(95, t) && a <= forecast.upper(95, t) ? 1 : 0;
                    }
                }
                smapeSum += smape;
                smapeCount++;
                double scale = Errors.maseScale(train, periods[s]);
                if (scale > 0) {
                    maseSum += Errors.mae(actual, f) / scale;
                    maseCount++;
                }
            }
        }
        return new Accuracy(forecaster.method().cliName(), smapeCount,
                smapeCount > 0 ? smapeSum / smapeCount : Double.NaN,
                maseCount > 0 ? maseSum / maseCount : Double.NaN, Double.NaN,
                points > 0 ? (double) in80 / points : Double.NaN, points > 0 ? (double) in95 / points : Double.NaN);
    }
}
