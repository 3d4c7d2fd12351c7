package io.openmanager.vibe.benchmarks;

import com.amazon.randomcutforest.config.ForestMode;
import com.amazon.randomcutforest.config.Precision;
import com.amazon.randomcutforest.config.TransformMethod;
import com.amazon.randomcutforest.parkservices.ThresholdedRandomCutForest;
import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.analytics.detect.AnomalyDetectors;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.event.FrameEvent;
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
 * One op = one value through a detector (score and update), in steady state (after warm-up). The series is the
 * simulated CPU of {@code api-gateway-01} (seed 42, default fleet and scenarios, 5-minute steps: a daily and weekly
 * cycle, bursts, and the built-in memory-leak incidents that drive its CPU to 85 %), {@value #SIZE} values
 * pre-generated so the benchmark measures the detector, replayed with advancing timestamps.
 *
 * <p>{@code rcf} is the reference row: AWS Random Cut Forest 4.4.0's {@code ThresholdedRandomCutForest} (50 trees,
 * sample size 256, shingle size 8, internal shingling, seed 42), fed the same values; one op is one
 * {@code process(double[], long)} call, including the one-element array a caller has to pass. Run with
 * {@code -prof gc} to check {@code gc.alloc.rate.norm} (0 for Vibe's detectors).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DetectorBenchmark {
    /** The {@code detector} parameter value of the Random Cut Forest reference row. */
    public static final String RCF = "rcf";

    static final int SIZE = 1 << 16;
    private static final long STEP_MILLIS = 300_000L;

    /** A Vibe detector name ({@link AnomalyDetectors#create(String)}), or {@value #RCF}. */
    @Param({"default", "threshold", "ewma", "robust-window", "cusum", "page-hinkley", "seasonal", RCF})
    public String detector;

    private Scorer scorer;
    private double[] values;
    private long tick;

    /** Generates the series, creates the detector and warms it past its learning period (5,000 values). */
    @Setup
    public void setUp() {
        values = simulatedCpu(SIZE);
        scorer = RCF.equals(detector) ? new RandomCutForestScorer() : new VibeScorer(AnomalyDetectors.create(detector));
        for (int i = 0; i < 5_000; i++) {
            update();
        }
    }

    /**
     * Scores one value and learns it.
     *
     * @return the detector's score (its anomaly grade for {@code rcf})
     */
    @Benchmark
    public double update() {
        long t = tick++;
        return scorer.update(t * STEP_MILLIS, values[(int) (t & (SIZE - 1))]);
    }

    /** The CPU of api-gateway-01, seed 42, 5-minute steps, {@code count} ticks from the engine's default start. */
    static double[] simulatedCpu(int count) {
        SimulationEngine engine = SimulationEngine.builder().seed(42).step(Duration.ofMinutes(5)).build();
        int server = engine.fleet().indexOfHostname("api-gateway-01");
        double[] series = new double[count];
        engine.batch().ticks(0, count).framesOnly().listener(event -> {
            FleetFrame frame = ((FrameEvent) event).frame();
            series[(int) frame.tick()] = frame.value(server, MetricSet.CPU);
        }).run();
        return series;
    }

    interface Scorer {
        double update(long timestampMillis, double value);
    }

    static final class VibeScorer implements Scorer {
        private final AnomalyDetector detector;

        VibeScorer(AnomalyDetector detector) {
            this.detector = detector;
        }

        @Override
        public double update(long timestampMillis, double value) {
            return detector.update(timestampMillis, value);
        }
    }

    static final class RandomCutForestScorer implements Scorer {
        private static final int SHINGLE_SIZE = 8;

        private final ThresholdedRandomCutForest forest = ThresholdedRandomCutForest.builder()
                .dimensions(SHINGLE_SIZE) // one input value, shingled internally
                .shingleSize(SHINGLE_SIZE)
                .internalShinglingEnabled(true)
                .numberOfTrees(50)
                .sampleSize(256)
                .precision(Precision.FLOAT_32)
                .forestMode(ForestMode.STANDARD)
                .transformMethod(TransformMethod.NORMALIZE)
                .anomalyRate(0.005)
                .randomSeed(42)
                .build();

        @Override
        public double update(long timestampMillis, double value) {
            return forest.process(new double[] {value}, timestampMillis / 1_000).getAnomalyGrade();
        }
    }
}
