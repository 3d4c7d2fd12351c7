package io.openmanager.vibe.benchmarks;

import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.analytics.detect.AnomalyDetectors;

import java.util.SplittableRandom;

/**
 * Measures the heap a detector's state takes per series: creates many detectors of one kind, warms each past its
 * learning period, and divides the live-heap growth (after full collections) by their number. Not a JMH benchmark;
 * run it with {@code java -cp vibe-benchmarks/target/benchmarks.jar io.openmanager.vibe.benchmarks.DetectorMemory
 * [detector] [series] [shape]} (defaults: {@code default}, 20000, {@code cycle}). {@code rcf} measures the Random Cut
 * Forest reference of {@link DetectorBenchmark} instead (a few megabytes each: pass a few hundred series at most).
 * The shape matters for detectors that learn a season: {@code cycle} is a sine with a period of about 126 values
 * (the seasonal model finds it and keeps a profile of that length), {@code noise} has no season (period 1).
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
        boolean cycle = isCycle(args.length > 2 ? args[2] : "cycle");
        Object[] detectors = new Object[series];
        long before = liveHeap();
        for (int i = 0; i < series; i++) {
            // The detector itself is kept, not a wrapper, so that only its own state is counted.
            AnomalyDetector vibe = DetectorBenchmark.RCF.equals(name) ? null : AnomalyDetectors.create(name);
            DetectorBenchmark.Scorer detector = vibe != null ? vibe::update : new DetectorBenchmark.RandomCutForestScorer();
            warm(detector, i, cycle);
            detectors[i] = vibe != null ? vibe : detector;
        }
        long after = liveHeap();
        System.out.printf("%s: %d bytes per series (%d series)%n", cycle ? name : name + "-noise",
                (after - before) / series, detectors.length);
    }

    /**
     * Feeds series number {@code index} of the shape to the detector, 1,000 values: past every warm-up, so that
     * lazily sized state is at its steady size.
     */
    static void warm(DetectorBenchmark.Scorer detector, int index, boolean cycle) {
        SplittableRandom noise = new SplittableRandom(index);
        for (int t = 0; t < 1_000; t++) {
            double value = cycle ? 50 + 10 * Math.sin(t / 20.0) + (index % 7) + (t % 3)
                    : 50 + (index % 7) + 5 * noise.nextGaussian();
            detector.update(t * 60_000L, value);
        }
    }

    /** The shape argument: {@code true} for {@code cycle}, {@code false} for {@code noise}. */
    static boolean isCycle(String shape) {
        if (!shape.equals("cycle") && !shape.equals("noise")) {
            throw new IllegalArgumentException("shape must be cycle or noise: " + shape);
        }
        return shape.equals("cycle");
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
