package io.openmanager.vibe.benchmarks;

import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.analytics.detect.AnomalyDetectors;
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

import java.util.concurrent.TimeUnit;

/**
 * One op = one value through a detector, in steady state (after warm-up). The series is a noisy daily cycle of
 * 288 values (5-minute steps) with a spike every 997 values, precomputed so the benchmark measures the detector.
 * Run with {@code -prof gc} to check {@code gc.alloc.rate.norm} (expected 0).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DetectorBenchmark {
    static final int SIZE = 1 << 16;

    @Param({"default", "threshold", "ewma", "robust-window", "cusum", "page-hinkley", "seasonal"})
    public String detector;

    private AnomalyDetector instance;
    private final double[] values = new double[SIZE];
    private long tick;

    /** The benchmark's series: {@value #SIZE} values of a noisy daily cycle with a spike every 997 values. */
    static double[] series() {
        double[] values = new double[SIZE];
        long state = 42;
        for (int i = 0; i < SIZE; i++) {
            state += 0x9E3779B97F4A7C15L;
            long z = (state ^ (state >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            double noise = ((z ^ (z >>> 31)) >>> 11) * 0x1.0p-53 - 0.5;
            values[i] = 50 + 20 * Math.sin(2 * Math.PI * i / 288) + 4 * noise + (i % 997 == 0 ? 40 : 0);
        }
        return values;
    }

    @Setup
    public void setUp() {
        System.arraycopy(series(), 0, values, 0, SIZE);
        instance = AnomalyDetectors.create(detector);
        for (int i = 0; i < 5_000; i++) {
            update();
        }
    }

    @Benchmark
    public double update() {
        long t = tick++;
        return instance.update(t * 300_000L, values[(int) (t & (SIZE - 1))]);
    }
}
