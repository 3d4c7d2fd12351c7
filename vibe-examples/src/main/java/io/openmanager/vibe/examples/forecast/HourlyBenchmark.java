package io.openmanager.vibe.examples.forecast;

import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.event.FrameEvent;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The hourly series of the development forecasting benchmark, built the same way every time from
 * {@code shared/data} and the simulator:
 *
 * <ul>
 *   <li>{@link BenchmarkSource#CMD}: every {@code data/cmd/data/&lt;domain&gt;/*.csv};</li>
 *   <li>{@link BenchmarkSource#NAB}: every {@code data/nab/data/realAWSCloudwatch/*.csv};</li>
 *   <li>{@link BenchmarkSource#SIM}: every (server, metric) series of the default fleet simulated for
 *       {@link Simulation#days()} days at {@link Simulation#step()} with the built-in scenarios and a seed.</li>
 * </ul>
 *
 * <p>Each series is averaged per epoch-aligned hour (an hour with no value is a gap; files that are already hourly
 * are unchanged); leading and trailing gaps are dropped and interior ones filled by linear interpolation. Because
 * the M4 measures are meant for positive series (sMAPE is 200 for any forecast of a zero) and several of these series
 * sit at zero for hours, a series whose minimum is below {@link #FLOOR} is shifted up so that its minimum is
 * {@link #FLOOR}; MASE is unchanged by the shift. Series that never change at the daily lag (MASE's scale is 0) or
 * are shorter than {@link #MIN_HOURS} are left out, and {@link #describe} says so.
 */
public final class HourlyBenchmark {
    /** The lowest value of a prepared series. */
    public static final double FLOOR = 10;
    /** The shortest series kept: four days of history before two days of horizon. */
    public static final int MIN_HOURS = 6 * 24;
    private static final long HOUR_MILLIS = 3_600_000L;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final List<HourlySeries> series;
    private final List<String> skipped;

    private HourlyBenchmark(List<HourlySeries> series, List<String> skipped) {
        this.series = List.copyOf(series);
        this.skipped = List.copyOf(skipped);
    }

    /**
     * How the simulated part is generated: the default fleet and its built-in scenarios, from the engine's default
     * start (a Monday), for {@code days} days at {@code step}.
     *
     * @param seed the simulation seed
     * @param days how many days to simulate (at least 7)
     * @param step the simulation step (at most an hour, dividing it)
     */
    public record Simulation(long seed, int days, Duration step) {
        /** The default: seed 42, 35 days (840 hours, about the length of M4's hourly series), 1-minute step. */
        public static final Simulation DEFAULT = new Simulation(42, 35, Duration.ofMinutes(1));

        /** Validates the fields. */
        public Simulation {
            Objects.requireNonNull(step, "step must not be null");
            if (days < 7 || days > 3650) {
                throw new IllegalArgumentException("simulated days must be between 7 and 3650: " + days);
            }
            if (step.isNegative() || step.isZero() || step.toMillis() == 0 || HOUR_MILLIS % step.toMillis() != 0) {
                throw new IllegalArgumentException("simulation step must divide an hour: " + step);
            }
        }
    }

    /**
     * Builds the benchmark's series of the chosen parts.
     *
     * @param sharedData the {@code shared/data} folder (holding {@code cmd/} and {@code nab/}); may be null when only
     *                   {@link BenchmarkSource#SIM} is chosen
     * @param parts      which parts to build
     * @param simulation how to simulate {@link BenchmarkSource#SIM}
     * @throws IOException naming the file and line of a malformed row, or a missing folder
     */
    public static HourlyBenchmark load(Path sharedData, List<BenchmarkSource> parts, Simulation simulation)
            throws IOException {
        List<HourlySeries> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (BenchmarkSource part : BenchmarkSource.values()) {
            if (!parts.contains(part)) {
                continue;
            }
            if (part == BenchmarkSource.SIM) {
                for (Raw raw : simulate(simulation)) {
                    keep(part, raw, out, skipped);
                }
                continue;
            }
            Objects.requireNonNull(sharedData, "the shared data folder is needed for " + part.cliName());
            Path dir = part == BenchmarkSource.CMD ? sharedData.resolve("cmd/data")
                    : sharedData.resolve("nab/data/realAWSCloudwatch");
            if (!Files.isDirectory(dir)) {
                throw new IOException("no such folder: " + dir + " (expected the shared data folder holding "
                        + (part == BenchmarkSource.CMD ? "cmd/data" : "nab/data/realAWSCloudwatch") + ")");
            }
            for (Path file : csvFiles(dir)) {
                String name = file.getFileName().toString();
                keep(part, read(name.substring(0, name.length() - 4), file), out, skipped);
            }
        }
        return new HourlyBenchmark(out, skipped);
    }

    /** The prepared series, in part order (cmd, nab, sim) and by name within a part. */
    public List<HourlySeries> series() {
        return series;
    }

    /** The prepared series of one part. */
    public List<HourlySeries> series(BenchmarkSource part) {
        List<HourlySeries> out = new ArrayList<>();
        for (HourlySeries s : series) {
            if (s.source() == part) {
                out.add(s);
            }
        }
        return out;
    }

    /** One line per left-out series, saying why. */
    public List<String> skipped() {
        return skipped;
    }

    /** A one-line summary: series per part and hours. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (BenchmarkSource part : BenchmarkSource.values()) {
            List<HourlySeries> s = series(part);
            if (s.isEmpty()) {
                continue;
            }
            long hours = 0;
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (HourlySeries x : s) {
                hours += x.size();
                min = Math.min(min, x.size());
                max = Math.max(max, x.size());
            }
            b.append(b.length() == 0 ? "" : "; ").append(part.cliName()).append(' ').append(s.size())
                    .append(" series (").append(min).append(" .. ").append(max).append(" h, ").append(hours)
                    .append(" h in all)");
        }
        return b.append(skipped.isEmpty() ? "" : "; " + skipped.size() + " left out").toString();
    }

    /** A series before preparation: epoch-hour of the first value, hourly means with NaN for empty hours. */
    private record Raw(String id, double[] hourly) {
    }

    private static void keep(BenchmarkSource part, Raw raw, List<HourlySeries> out, List<String> skipped) {
        double[] y = prepare(raw.hourly());
        String name = part.cliName() + "/" + raw.id();
        if (y.length < MIN_HOURS) {
            skipped.add(name + ": " + y.length + " hours, fewer than " + MIN_HOURS);
            return;
        }
        if (dailyScale(y) == 0) {
            skipped.add(name + ": never changes from one day to the next (MASE undefined)");
            return;
        }
        out.add(new HourlySeries(part, raw.id(), y));
    }

    /** Drops leading and trailing gaps, interpolates interior ones, and shifts the series up to {@link #FLOOR}. */
    static double[] prepare(double[] hourly) {
        int from = 0;
        int to = hourly.length;
        while (from < to && !Double.isFinite(hourly[from])) {
            from++;
        }
        while (to > from && !Double.isFinite(hourly[to - 1])) {
            to--;
        }
        double[] y = java.util.Arrays.copyOfRange(hourly, from, to);
        int last = -1;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(y[i])) {
                for (int k = last + 1; k < i; k++) {
                    y[k] = y[last] + (y[i] - y[last]) * (k - last) / (i - last);
                }
                last = i;
                min = Math.min(min, y[i]);
            }
        }
        if (min < FLOOR) {
            double shift = FLOOR - min;
            for (int i = 0; i < y.length; i++) {
                y[i] += shift;
            }
        }
        return y;
    }

    private static double dailyScale(double[] y) {
        double s = 0;
        for (int t = 24; t < y.length; t++) {
            s += Math.abs(y[t] - y[t - 24]);
        }
        return s;
    }

    private static List<Path> csvFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".csv")).sorted()
                    .toList();
        }
    }

    /**
     * Reads a {@code timestamp,value} file ({@code yyyy-MM-dd HH:mm:ss}, UTC; an empty value is a gap) into hourly
     * means. The benchmark's own reader: it needs hourly buckets, not rows, and the corpus' layout is fixed.
     */
    private static Raw read(String id, Path file) throws IOException {
        long firstHour = Long.MIN_VALUE;
        double[] sum = new double[1024];
        int[] count = new int[1024];
        int hours = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line == null || !line.trim().startsWith("timestamp,value")) {
                throw new IOException(file + ":1: expected the header timestamp,value");
            }
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.indexOf(',');
                if (comma < 0) {
                    throw new IOException(file + ":" + lineNo + ": expected timestamp,value: " + line);
                }
                long millis;
                try {
                    millis = LocalDateTime.parse(line.substring(0, comma).trim(), TIMESTAMP)
                            .toInstant(ZoneOffset.UTC).toEpochMilli();
                } catch (DateTimeParseException e) {
                    throw new IOException(file + ":" + lineNo + ": bad timestamp '" + line.substring(0, comma)
                            + "'", e);
                }
                long hour = Math.floorDiv(millis, HOUR_MILLIS);
                if (firstHour == Long.MIN_VALUE) {
                    firstHour = hour;
                }
                long index = hour - firstHour;
                if (index < 0 || index < hours - 1) {
                    throw new IOException(file + ":" + lineNo + ": timestamp out of order: " + line);
                }
                if (index > 10_000_000) {
                    throw new IOException(file + ":" + lineNo + ": timestamp too far from the first: " + line);
                }
                int i = (int) index;
                if (i >= sum.length) {
                    int size = Math.max(i + 1, sum.length * 2);
                    sum = java.util.Arrays.copyOf(sum, size);
                    count = java.util.Arrays.copyOf(count, size);
                }
                hours = Math.max(hours, i + 1);
                String text = line.substring(comma + 1).trim();
                if (text.isEmpty()) {
                    continue;
                }
                double v;
                try {
                    v = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IOException(file + ":" + lineNo + ": '" + text + "' is not a number", e);
                }
                if (Double.isFinite(v)) {
                    sum[i] += v;
                    count[i]++;
                }
            }
        }
        double[] hourly = new double[hours];
        for (int i = 0; i < hours; i++) {
            hourly[i] = count[i] > 0 ? sum[i] / count[i] : Double.NaN;
        }
        return new Raw(id, hourly);
    }

    private static List<Raw> simulate(Simulation sim) {
        SimulationEngine engine = SimulationEngine.builder().seed(sim.seed()).step(sim.step()).build();
        int servers = engine.fleet().size();
        int metrics = engine.metrics().size();
        int hours = sim.days() * 24;
        double[][][] sum = new double[servers][metrics][hours];
        int[][][] count = new int[servers][metrics][hours];
        long startMillis = engine.start().toEpochMilli();
        engine.batch().ticks(0, engine.ticksIn(Duration.ofDays(sim.days()))).framesOnly().listener(e -> {
            FleetFrame f = ((FrameEvent) e).frame();
            int h = (int) ((f.timestampMillis() - startMillis) / HOUR_MILLIS);
            for (int s = 0; s < servers; s++) {
                for (int m = 0; m < metrics; m++) {
                    double v = f.value(s, m);
                    if (Double.isFinite(v)) {
                        sum[s][m][h] += v;
                        count[s][m][h]++;
                    }
                }
            }
        }).run();
        List<Raw> out = new ArrayList<>();
        for (int s = 0; s < servers; s++) {
            for (int m = 0; m < metrics; m++) {
                double[] hourly = new double[hours];
                for (int h = 0; h < hours; h++) {
                    hourly[h] = count[s][m][h] > 0 ? sum[s][m][h] / count[s][m][h] : Double.NaN;
                }
                out.add(new Raw(engine.fleet().get(s).hostname() + "/" + engine.metrics().get(m).name(), hourly));
            }
        }
        return out;
    }
}
