package io.openmanager.vibe.benchmarks;

import io.openmanager.vibe.analytics.forecast.Forecaster;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The cost of one fit of {@link ForecasterBenchmark}'s 1,000-point hourly series in thread CPU time rather than wall
 * time, as {@link DetectorCpuTime} does for detectors: on a machine shared with other work, wall-clock JMH results
 * swing with the load while the CPU time a thread is charged stays close to its unloaded cost. Each method runs in a
 * JVM of its own; after three warm-up rounds it runs five rounds of {@code fits} fits, and the best and mean rounds
 * are printed in milliseconds per fit. Run it with {@code java -cp vibe-benchmarks/target/benchmarks.jar
 * io.openmanager.vibe.benchmarks.ForecasterCpuTime [fits per round] [method ...]} (defaults: 100 and {@code auto}).
 */
public final class ForecasterCpuTime {
    private static final int ROUNDS = 5;
    private static final int WARMUP_ROUNDS = 3;
    private static final String CHILD = "vibe.cputime.child";

    private ForecasterCpuTime() {
    }

    /**
     * Prints one line per method: best and mean CPU milliseconds per fit.
     *
     * @param args optional fits per round, then method names
     */
    public static void main(String[] args) throws Exception {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        if (perRound < 1) {
            throw new IllegalArgumentException("fits per round must be >= 1: " + perRound);
        }
        String[] methods = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length)
                : new String[] {"auto"};
        if (!Boolean.getBoolean(CHILD)) {
            System.out.printf(Locale.ROOT, "%-10s %10s %10s%n", "method", "best ms", "mean ms");
            for (String method : methods) {
                fork(perRound, method);
            }
            return;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        double[] series = ForecasterBenchmark.series();
        for (String method : methods) {
            Forecaster forecaster = ForecasterBenchmark.forecaster(method);
            double sink = 0;
            double best = Double.MAX_VALUE;
            double sum = 0;
            for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < perRound; i++) {
                    sink += forecaster.fit(series, Duration.ofHours(1)).forecast(1).mean(0);
                }
                double ms = (threads.getCurrentThreadCpuTime() - start) / 1e6 / perRound;
                if (round >= WARMUP_ROUNDS) {
                    best = Math.min(best, ms);
                    sum += ms;
                }
            }
            System.out.printf(Locale.ROOT, "%-10s %10.3f %10.3f%s%n", method, best, sum / ROUNDS,
                    Double.isNaN(sink) ? " (NaN forecast?)" : "");
        }
    }

    private static void fork(int perRound, String method) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-D" + CHILD + "=true", "-cp",
                System.getProperty("java.class.path"), ForecasterCpuTime.class.getName(), Integer.toString(perRound),
                method).inheritIO().start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("measuring " + method + " failed with exit code " + exit);
        }
    }
}
