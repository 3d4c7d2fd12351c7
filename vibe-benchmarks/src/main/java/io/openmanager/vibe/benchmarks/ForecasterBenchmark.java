package io.openmanager.vibe.benchmarks;

import io.openmanager.vibe.analytics.forecast.FittedModel;
import io.openmanager.vibe.analytics.forecast.Forecast;
import io.openmanager.vibe.analytics.forecast.Forecaster;
import io.openmanager.vibe.analytics.forecast.Method;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Forecasting a 1,000-point hourly series with a daily cycle, trend and noise: fitting each method (for {@code auto}
 * with its seasonal periods, seven members, and three holdout folds of 48 steps refitted to calibrate the intervals),
 * and forecasting 48 steps from an already fitted model. Targets: {@code auto} fit <= 20 ms, forecast of a fitted model
 * <= 5 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ForecasterBenchmark {
    private static final Duration HOUR = Duration.ofHours(1);

    @Param({"auto", "mstl", "harmonic", "smedian", "theta", "hw-add", "hw-mul", "holt", "snaive"})
    public String method;

    private double[] series;
    private Forecaster forecaster;
    private FittedModel fitted;

    @Setup
    public void setUp() {
        series = series();
        forecaster = forecaster(method);
        fitted = forecaster.fit(series, HOUR);
    }

    /** The benchmark's series: 1,000 hourly values, a daily cycle of amplitude 10, a slow trend, uniform noise. */
    static double[] series() {
        double[] y = new double[1000];
        long state = 42;
        for (int t = 0; t < y.length; t++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            double noise = ((state >>> 11) / (double) (1L << 53)) - 0.5;
            y[t] = 50 + 0.01 * t + 10 * Math.sin(2 * Math.PI * t / 24) + 4 * noise;
        }
        return y;
    }

    /** The forecaster of a method as the benchmark fits it ({@code auto} with 48-step holdout folds). */
    static Forecaster forecaster(String method) {
        Method m = Method.fromCliName(method);
        return m == Method.AUTO ? Forecaster.auto(0, 48) : Forecaster.of(m, 0);
    }

    @Benchmark
    public FittedModel fit() {
        return forecaster.fit(series, HOUR);
    }

    @Benchmark
    public Forecast forecast48() {
        return fitted.forecast(48);
    }
}
