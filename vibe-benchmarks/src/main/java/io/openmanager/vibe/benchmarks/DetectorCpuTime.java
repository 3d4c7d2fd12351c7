package io.openmanager.vibe.benchmarks;

import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.analytics.detect.AnomalyDetectors;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cost of one value through each detector in thread CPU time rather than wall time, on the series of
 * {@link DetectorBenchmark}. On a machine shared with other work, wall-clock JMH results swing with the load while
 * the CPU time a thread is charged stays close to its unloaded cost, so this gives comparable numbers between
 * versions (it still includes the slowdown of a core whose sibling hyperthread is busy). Not a JMH benchmark: like
 * JMH's forks, each detector runs in a JVM of its own (so the JIT's profile of one does not slow another); after
 * three warm-up rounds it runs five rounds of {@code values} values, and the best and mean rounds are printed.
 * Run it with {@code java -cp vibe-benchmarks/target/benchmarks.jar io.openmanager.vibe.benchmarks.DetectorCpuTime
 * [values per round] [detector ...]} (defaults: 5,000,000 and every registered detector).
 */
public final class DetectorCpuTime {
    private static final int ROUNDS = 5;
    private static final int WARMUP_ROUNDS = 3;
    private static final String CHILD = "vibe.cputime.child";

    private DetectorCpuTime() {
    }

    /**
     * Prints one line per detector: best and mean CPU nanoseconds per value.
     *
     * @param args optional values per round, then detector names
     */
    public static void main(String[] args) throws Exception {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        if (perRound < 1) {
            throw new IllegalArgumentException("values per round must be >= 1: " + perRound);
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            names.add(args[i]);
        }
        if (names.isEmpty()) {
            names.addAll(AnomalyDetectors.names());
        }
        boolean child = Boolean.getBoolean(CHILD);
        if (!child) {
            System.out.printf(Locale.ROOT, "%-14s %12s %12s%n", "detector", "best ns", "mean ns");
            for (String name : names) {
                fork(perRound, name);
            }
            return;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        double[] values = DetectorBenchmark.series();
        int mask = DetectorBenchmark.SIZE - 1;
        for (String name : names) {
            AnomalyDetector detector = AnomalyDetectors.create(name);
            long tick = 0;
            double sink = 0;
            double best = Double.MAX_VALUE;
            double sum = 0;
            for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < perRound; i++, tick++) {
                    sink += detector.update(tick * 300_000L, values[(int) (tick & mask)]);
                }
                double ns = (threads.getCurrentThreadCpuTime() - start) / (double) perRound;
                if (round >= WARMUP_ROUNDS) {
                    best = Math.min(best, ns);
                    sum += ns;
                }
            }
            System.out.printf(Locale.ROOT, "%-14s %12.1f %12.1f%s%n", name, best, sum / ROUNDS,
                    sink < 0 ? " (negative score sum?)" : "");
        }
    }

    private static void fork(int perRound, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-D" + CHILD + "=true", "-cp",
                System.getProperty("java.class.path"), DetectorCpuTime.class.getName(), Integer.toString(perRound),
                name).inheritIO().start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("measuring " + name + " failed with exit code " + exit);
        }
    }
}
