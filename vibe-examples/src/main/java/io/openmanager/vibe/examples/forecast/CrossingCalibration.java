package io.openmanager.vibe.examples.forecast;

import io.openmanager.vibe.analytics.forecast.CrossingTime;
import io.openmanager.vibe.analytics.forecast.Forecaster;
import io.openmanager.vibe.analytics.forecast.TimeToThreshold;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.dsl.ScenarioParser;
import io.openmanager.vibe.spi.event.FrameEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How well crossing probabilities are calibrated on simulated leaks and disk growth. Each run simulates the default
 * fleet (5-second steps, the built-in scenarios) with a memory leak on {@code api-gateway-01} and disk growth on
 * {@code db-primary-01}, at rates and start times drawn from the run's seed (memory 0 to 15 %/h, disk 0 to 10 %/h,
 * from hour 1 to 8; a fifth of the runs have no leak). Both series are averaged per minute, as the
 * {@code AnalyticsPipeline} does; every 30 minutes after the first hour, the forecaster is fitted on the last 12 hours,
 * forecasts {@code horizon} minutes, and {@link TimeToThreshold#upwardTime} gives the probability that the series
 * reaches its level (memory 95 %, disk 100 %, the pipeline's defaults) within them. The outcome is whether a later
 * minute mean does. Origins after the series has reached its level are not scored.
 *
 * <p>The result is a reliability table: predictions grouped by probability decile, each decile's mean probability
 * against the share that crossed. Runs are numbered from a first seed, so that one range of seeds can tune and
 * another check.
 */
public final class CrossingCalibration {
    /** Levels of the pipeline's defaults. */
    static final double MEMORY_LEVEL = 95;
    static final double DISK_LEVEL = 100;
    private static final int MINUTES = 20 * 60;
    private static final int HISTORY = 12 * 60;
    private static final int FIRST_ORIGIN = 60;
    private static final int EVERY = 30;

    private CrossingCalibration() {
    }

    /** One scored prediction. */
    public record Prediction(double probability, boolean crossed, double medianSteps, double earliestSteps,
                             double latestSteps, double trueSteps) {
    }

    /** A decile of the reliability table. */
    public record Decile(double from, double to, int count, double meanProbability, double observed) {
        /** The calibration gap in probability points (observed share minus mean probability). */
        public double gap() {
            return observed - meanProbability;
        }
    }

    /** Scores {@code runs} runs from {@code firstSeed}, forecasting {@code horizon} minutes with {@code forecaster}. */
    public static List<Prediction> run(long firstSeed, int runs, int horizon, Forecaster forecaster) {
        List<Prediction> out = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            long seed = firstSeed + r;
            double[][] series = simulate(seed);
            score(series[0], MEMORY_LEVEL, horizon, forecaster, out);
            score(series[1], DISK_LEVEL, horizon, forecaster, out);
        }
        return out;
    }

    /** The reliability table: ten deciles of predicted probability (the last one closed at 1). */
    public static List<Decile> deciles(List<Prediction> predictions) {
        List<Decile> out = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            double from = d / 10.0;
            double to = (d + 1) / 10.0;
            int count = 0;
            double sum = 0;
            int crossed = 0;
            for (Prediction p : predictions) {
                double q = p.probability();
                if (q >= from && (q < to || (d == 9 && q <= 1))) {
                    count++;
                    sum += q;
                    crossed += p.crossed() ? 1 : 0;
                }
            }
            out.add(new Decile(from, to, count, count > 0 ? sum / count : Double.NaN,
                    count > 0 ? (double) crossed / count : Double.NaN));
        }
        return out;
    }

    /** The share of crossings within the horizon whose true time lies in the predicted 80 % range. */
    public static double rangeCoverage(List<Prediction> predictions) {
        int n = 0;
        int inside = 0;
        for (Prediction p : predictions) {
            if (p.crossed() && p.probability() > 0) {
                n++;
                inside += p.trueSteps() >= p.earliestSteps() && p.trueSteps() <= p.latestSteps() ? 1 : 0;
            }
        }
        return n > 0 ? (double) inside / n : Double.NaN;
    }

    /** Prints the reliability table. */
    public static String format(List<Prediction> predictions) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-11s %7s %9s %9s %8s%n", "DECILE",
                "COUNT", "MEAN_P", "OBSERVED", "GAP"));
        for (Decile d : deciles(predictions)) {
            b.append(String.format(Locale.ROOT, "%.1f - %.1f  %7d %9.3f %9.3f %+8.3f%n", d.from(), d.to(),
                    d.count(), d.meanProbability(), d.observed(), d.gap()));
        }
        b.append(String.format(Locale.ROOT, "%d predictions; crossing times inside their 80 %% range: %.3f%n",
                predictions.size(), rangeCoverage(predictions)));
        return b.toString();
    }

    private static void score(double[] y, double level, int horizon, Forecaster forecaster, List<Prediction> out) {
        int firstCrossing = -1;
        for (int t = 0; t < y.length; t++) {
            if (y[t] >= level) {
                firstCrossing = t;
                break;
            }
        }
        for (int origin = FIRST_ORIGIN; origin + horizon <= y.length; origin += EVERY) {
            if (firstCrossing >= 0 && firstCrossing < origin) {
                break;
            }
            double[] history = Arrays.copyOfRange(y, Math.max(0, origin - HISTORY), origin);
            CrossingTime c = TimeToThreshold.upwardTime(forecaster.fit(history, Duration.ofMinutes(1))
                    .forecast(horizon), level);
            boolean crossed = firstCrossing >= 0 && firstCrossing < origin + horizon;
            double trueSteps = crossed ? firstCrossing - origin + 1 : Double.POSITIVE_INFINITY;
            out.add(new Prediction(c.probability(), crossed, c.medianSteps(), c.earliestSteps(), c.latestSteps(),
                    trueSteps));
        }
    }

    /** Minute means of memory on api-gateway-01 and disk on db-primary-01 for one run. */
    static double[][] simulate(long seed) {
        double u1 = uniform(seed, 1);
        boolean none = uniform(seed, 0) < 0.2;
        double memoryRate = none ? 0 : 15 * u1;
        double diskRate = none ? 0 : 10 * uniform(seed, 2);
        double memoryStart = 1 + 7 * uniform(seed, 3);
        double diskStart = 1 + 7 * uniform(seed, 4);
        String text = String.join("\n",
                "scenario calibration-memory-leak {",
                "  trigger at " + SimulationEngine.DEFAULT_START.plusSeconds(Math.round(memoryStart * 3600)),
                "  duration 24h",
                String.format(Locale.ROOT, "  at 0s on api-gateway-01 leak memory_usage %.4f per 1h", memoryRate),
                "}",
                "scenario calibration-disk-growth {",
                "  trigger at " + SimulationEngine.DEFAULT_START.plusSeconds(Math.round(diskStart * 3600)),
                "  duration 24h",
                String.format(Locale.ROOT, "  at 0s on db-primary-01 leak disk_usage %.4f per 1h", diskRate),
                "}");
        SimulationEngine engine = SimulationEngine.builder().seed(seed)
                .scenarios(ScenarioParser.standard().parse("calibration.scenarios", text)).build();
        int gateway = engine.fleet().indexOfHostname("api-gateway-01");
        int database = engine.fleet().indexOfHostname("db-primary-01");
        int memory = engine.metrics().indexOf("memory_usage");
        int disk = engine.metrics().indexOf("disk_usage");
        double[][] sum = new double[2][MINUTES];
        int[][] count = new int[2][MINUTES];
        long start = engine.start().toEpochMilli();
        engine.batch().ticks(0, engine.ticksIn(Duration.ofMinutes(MINUTES))).framesOnly().listener(e -> {
            FleetFrame f = ((FrameEvent) e).frame();
            int minute = (int) ((f.timestampMillis() - start) / 60_000);
            add(sum[0], count[0], minute, f.value(gateway, memory));
            add(sum[1], count[1], minute, f.value(database, disk));
        }).run();
        double[][] out = new double[2][MINUTES];
        for (int s = 0; s < 2; s++) {
            for (int m = 0; m < MINUTES; m++) {
                out[s][m] = count[s][m] > 0 ? sum[s][m] / count[s][m] : Double.NaN;
            }
        }
        return out;
    }

    private static void add(double[] sum, int[] count, int minute, double v) {
        if (Double.isFinite(v)) {
            sum[minute] += v;
            count[minute]++;
        }
    }

    /** A uniform number in [0, 1) from the seed and an index: SplitMix64 finalisation of their combination. */
    static double uniform(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + (index + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }
}
