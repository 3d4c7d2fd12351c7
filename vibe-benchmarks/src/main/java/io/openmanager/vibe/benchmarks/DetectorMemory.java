package io.openmanager.vibe.benchmarks;

import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.analytics.detect.AnomalyDetectors;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures the heap a detector's state takes per series: creates many detectors of one kind, warms each past its
 * learning period, and divides the live-heap growth (after full collections) by their number. Not a JMH benchmark;
 * run it with {@code java -cp vibe-benchmarks/target/benchmarks.jar io.openmanager.vibe.benchmarks.DetectorMemory
 * [detector] [series] [shape]} (defaults: {@code default}, 20000, {@code cycle}). {@code rcf} measures the Random Cut
 * Forest reference of {@link DetectorBenchmark} instead (a few megabytes each: pass a few hundred series at most).
 * The shape matters for detectors that learn a season: {@code cycle} is a sine with a period of about 126 values
 * (the seasonal model finds it and keeps a profile of that length), {@code noise} has no season (period 1), and
 * {@code cpu} is {@link DetectorBenchmark}'s series, a simulated server's CPU in 5-minute steps, whose daily season
 * is 288 values long.
 */
public final class DetectorMemory {
    private DetectorMemory() {
    }

    /**
     * Prints the bytes per series.
     *
     * @param args optional detector name and number of series
     */
    public static void main(String[] args) throws InterruptedException {
        String name = args.length > 0 ? args[0] : AnomalyDetectors.DEFAULT;
        int series = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        if (series <= 0) {
            throw new IllegalArgumentException("series must be positive: " + series);
        }
        Shape shape = Shape.of(args.length > 2 ? args[2] : "cycle");
        Object[] detectors = new Object[series];
        if (shape == Shape.CPU) {
            shape.series(0); // generated once and shared: neither it nor the simulator is any detector's state
        }
        long before = liveHeap();
        for (int i = 0; i < series; i++) {
            // The detector itself is kept, not a wrapper, so that only its own state is counted.
            AnomalyDetector vibe = DetectorBenchmark.RCF.equals(name) ? null : AnomalyDetectors.create(name);
            DetectorBenchmark.Scorer detector = vibe != null ? vibe::update : new DetectorBenchmark.RandomCutForestScorer();
            warm(detector, i, shape);
            detectors[i] = vibe != null ? vibe : detector;
        }
        long after = liveHeap();
        System.out.printf("%s: %d bytes per series (%d series)%n", shape.label(name), (after - before) / series,
                detectors.length);
    }

    /** The series a detector is warmed on. */
    enum Shape {
        /** A sine with a period of about 126 values, a small offset per series and a 3-value ripple. */
        CYCLE,
        /** Gaussian noise around a level that differs per series: no season. */
        NOISE,
        /** The simulated CPU of {@link DetectorBenchmark} (the same for every series): a daily season of 288. */
        CPU;

        private static final int VALUES = 1_000;
        private static double[] cpu;

        /** The shape of a command-line argument. */
        static Shape of(String argument) {
            for (Shape shape : values()) {
                if (shape.name().toLowerCase(Locale.ROOT).equals(argument)) {
                    return shape;
                }
            }
            throw new IllegalArgumentException("shape must be cycle, noise or cpu: " + argument);
        }

        /** The detector's name as reports show it: the name alone for {@code cycle}, else with the shape. */
        String label(String detector) {
            return this == CYCLE ? detector : detector + "-" + name().toLowerCase(Locale.ROOT);
        }

        /** Series number {@code index} of this shape, 1,000 values. */
        double[] series(int index) {
            if (this == CPU) {
                if (cpu == null) {
                    cpu = DetectorBenchmark.simulatedCpu(VALUES);
                }
                return cpu;
            }
            double[] values = new double[VALUES];
            SplittableRandom noise = new SplittableRandom(index);
            for (int t = 0; t < VALUES; t++) {
                values[t] = this == CYCLE ? 50 + 10 * Math.sin(t / 20.0) + (index % 7) + (t % 3)
                        : 50 + (index % 7) + 5 * noise.nextGaussian();
            }
            return values;
        }
    }

    /**
     * Feeds series number {@code index} of the shape to the detector, 1,000 values: past every warm-up, so that
     * lazily sized state is at its steady size.
     */
    static void warm(DetectorBenchmark.Scorer detector, int index, Shape shape) {
        double[] values = shape.series(index);
        // One-minute timestamps for every shape: the detectors work on the sequence of values, not their spacing.
        for (int t = 0; t < values.length; t++) {
            detector.update(t * 60_000L, values[t]);
        }
    }

    private static long liveHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
