package io.openmanager.vibe.examples.forecast;

import io.openmanager.vibe.analytics.forecast.Accuracy;
import io.openmanager.vibe.analytics.forecast.Backtest;
import io.openmanager.vibe.analytics.forecast.Forecaster;
import io.openmanager.vibe.analytics.forecast.Method;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores forecasting methods on the {@link HourlyBenchmark} as the M4 competition scores its hourly series: horizon
 * 48, sMAPE, MASE with the seasonal difference at lag 24 as its scale, and OWA relative to Naive2 with period 24
 * (seasonally adjusted naive after M4's 90 % autocorrelation test; {@code Method.NAIVE2}), here over rolling origins:
 * the last {@code origins} blocks of 48 hours of each series are each forecast from the hours before them. Per
 * method, the mean sMAPE and MASE over all forecasts of a part, their OWA, and the share of actual values inside the 80
 * % and 95 % prediction intervals; one table per part and one over all parts together.
 */
public final class BenchmarkRun {
    /** M4's horizon for hourly series. */
    public static final int HORIZON = 48;
    /** M4's frequency for hourly series: the period of Naive2 and of MASE's scale. */
    public static final int PERIOD = 24;
    private static final Duration HOUR = Duration.ofHours(1);

    private BenchmarkRun() {
    }

    /**
     * One row: a method's accuracy on one part ({@code part} null for all parts together).
     *
     * @param part     the part, or null for the whole benchmark
     * @param series   how many series were scored
     * @param accuracy the method's accuracy, with its OWA relative to Naive2
     */
    public record Row(BenchmarkSource part, int series, Accuracy accuracy) {
    }

    /** The forecaster the benchmark runs for a method: Naive2 and seasonal naive on period 24, the others detect. */
    public static Forecaster forecaster(Method method) {
        if (method == Method.AUTO) {
            return Forecaster.auto(0, HORIZON);
        }
        boolean m4Benchmark = method == Method.NAIVE2 || method == Method.SEASONAL_NAIVE;
        return Forecaster.of(method, m4Benchmark ? PERIOD : 0);
    }

    /**
     * Scores the methods on each part present in the benchmark, then on all of them together.
     *
     * @param origins forecast origins per series (48 hours apart)
     */
    public static List<Row> run(HourlyBenchmark benchmark, List<Method> methods, int origins) {
        Backtest backtest = Backtest.of(HORIZON, origins).withPeriod(PERIOD).withStep(HOUR);
        Forecaster reference = forecaster(Method.NAIVE2);
        List<Row> rows = new ArrayList<>();
        List<BenchmarkSource> parts = new ArrayList<>();
        for (BenchmarkSource part : BenchmarkSource.values()) {
            if (!benchmark.series(part).isEmpty()) {
                parts.add(part);
            }
        }
        for (BenchmarkSource part : parts) {
            score(backtest, reference, methods, part, values(benchmark.series(part)), rows);
        }
        if (parts.size() > 1) {
            score(backtest, reference, methods, null, values(benchmark.series()), rows);
        }
        return List.copyOf(rows);
    }

    private static void score(Backtest backtest, Forecaster reference, List<Method> methods, BenchmarkSource part,
                              List<double[]> series, List<Row> rows) {
        Accuracy naive2 = backtest.evaluate(reference, series);
        for (Method method : methods) {
            Accuracy a = method == Method.NAIVE2 ? naive2 : backtest.evaluate(forecaster(method), series);
            rows.add(new Row(part, series.size(), a.relativeTo(naive2)));
        }
    }

    private static List<double[]> values(List<HourlySeries> series) {
        List<double[]> out = new ArrayList<>();
        for (HourlySeries s : series) {
            out.add(s.values());
        }
        return out;
    }
}
