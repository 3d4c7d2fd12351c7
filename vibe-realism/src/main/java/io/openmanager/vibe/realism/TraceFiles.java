package io.openmanager.vibe.realism;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads reference traces from files, in three formats told apart by their header line (files may be gzipped,
 * {@code .gz}):
 *
 * <ul>
 *   <li>{@code timestamp,value}: one series per file (NAB's layout); the metric is recognised from the file name
 *       ({@code ec2_cpu_utilization_24ae8d.csv} is CPU, {@code ..._NetworkIn.csv} network in), the server is the
 *       file name;</li>
 *   <li>{@code timestamp,server,metric,value}: the long format, any number of servers and metrics per file (metric
 *       names as in {@link TraceMetric#recognise});</li>
 *   <li>the Bitbrains GWA-T-12 format ({@code Timestamp [ms];\tCPU cores;...}, epoch seconds despite the header):
 *       CPU %, memory % (usage over provisioned), network received and transmitted, one VM per file.</li>
 * </ul>
 *
 * <p>Timestamps are epoch seconds or millis, ISO instants, or {@code yyyy-MM-dd HH:mm:ss} in UTC. Samples are put on
 * a regular grid of {@code step}: each timestamp is rounded to the nearest grid point, the first sample of a point
 * wins, and points without a sample are NaN. Metrics that are not recognised are skipped and listed in
 * {@link Result#skipped()}. Malformed lines fail with a {@link TraceFormatException} naming file, line and column.
 */
public final class TraceFiles {
    private static final String BITBRAINS_HEADER = "timestamp [ms]";

    private TraceFiles() {
    }

    /**
     * What was read.
     *
     * @param traces  the series, sorted by name
     * @param skipped what was not used and why, one line each
     */
    public record Result(List<Trace> traces, List<String> skipped) {
        /** Copies the lists. */
        public Result {
            traces = List.copyOf(traces);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Reads a file, or every regular file under a folder (recursively, in name order; hidden files and files named
     * {@code README*}, {@code LICENSE*} or ending {@code .md}, {@code .json} or {@code .txt} are ignored).
     *
     * @throws TraceFormatException on a malformed file
     * @throws UncheckedIOException when a file cannot be read
     */
    public static Result read(Path fileOrFolder, Duration step) {
        long stepMillis = step.toMillis();
        if (stepMillis <= 0) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
        List<Path> files;
        if (Files.isDirectory(fileOrFolder)) {
            try (Stream<Path> walk = Files.walk(fileOrFolder)) {
                files = walk.filter(Files::isRegularFile).filter(TraceFiles::isData).sorted()
                        .collect(Collectors.toList());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + fileOrFolder + ": " + e.getMessage(), e);
            }
        } else if (Files.isRegularFile(fileOrFolder)) {
            files = List.of(fileOrFolder);
        } else {
            throw new UncheckedIOException(new IOException("no such file or folder: " + fileOrFolder));
        }
        List<Trace> traces = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path file : files) {
            readFile(file, stepMillis, traces, skipped);
        }
        traces.sort((a, b) -> a.name().compareTo(b.name()));
        return new Result(traces, skipped);
    }

    private static boolean isData(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !name.startsWith("readme") && !name.startsWith("license")
                && !name.endsWith(".md") && !name.endsWith(".json") && !name.endsWith(".txt");
    }

    private static void readFile(Path file, long stepMillis, List<Trace> traces, List<String> skipped) {
        String stem = stem(file);
        try (BufferedReader in = open(file)) {
            String header = in.readLine();
            if (header == null) {
                skipped.add(file + ": empty file");
                return;
            }
            String h = header.strip().toLowerCase(Locale.ROOT);
            Map<String, Gridder> series = new LinkedHashMap<>();
            if (h.startsWith(BITBRAINS_HEADER)) {
                readBitbrains(file, in, stem, stepMillis, series);
            } else {
                String[] columns = h.split(",", -1);
                if (columns.length == 2 && columns[0].strip().equals("timestamp")
                        && columns[1].strip().equals("value")) {
                    TraceMetric metric = TraceMetric.recognise(stem).orElse(null);
                    if (metric == null) {
                        skipped.add(file + ": no cpu, memory, network_in or network_out in the file name");
                        return;
                    }
                    readTwoColumns(file, in, stem, metric, stepMillis, series);
                } else if (columns.length == 4 && columns[0].strip().equals("timestamp")
                        && columns[1].strip().equals("server") && columns[2].strip().equals("metric")
                        && columns[3].strip().equals("value")) {
                    readLong(file, in, stepMillis, series, skipped);
                } else {
                    throw new TraceFormatException(file, 1, 0, "unknown header '" + header.strip()
                            + "'; expected 'timestamp,value', 'timestamp,server,metric,value' or the Bitbrains"
                            + " header 'Timestamp [ms];\\tCPU cores;...'");
                }
            }
            String source = file.getFileName().toString();
            for (Gridder g : series.values()) {
                if (g.count() > 0) {
                    traces.add(g.trace(source));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 65536) : raw;
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 65536);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        for (String suffix : new String[] {".gz", ".csv", ".tsv", ".txt"}) {
            if (name.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /** Reads one record: its fields and its line number (the header is line 1). */
    @FunctionalInterface
    private interface RecordReader {
        void read(String[] fields, long lineNumber);
    }

    /**
     * Reads the records after the header, skipping blank lines; a line with another number of fields than
     * {@code fieldCount} is an error naming the file and line.
     */
    private static void forEachRecord(Path file, BufferedReader in, String separator, int fieldCount, String expected,
                                      RecordReader reader) throws IOException {
        String line;
        long number = 1;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(separator, -1);
            if (f.length != fieldCount) {
                throw new TraceFormatException(file, number, 0, "expected " + expected + ", found " + f.length
                        + ": '" + abbreviate(line) + "'");
            }
            reader.read(f, number);
        }
    }

    private static void readBitbrains(Path file, BufferedReader in, String vm, long stepMillis,
                                      Map<String, Gridder> series) throws IOException {
        Gridder cpu = series.computeIfAbsent("cpu", k -> new Gridder(vm, TraceMetric.CPU, stepMillis));
        Gridder memory = series.computeIfAbsent("memory", k -> new Gridder(vm, TraceMetric.MEMORY, stepMillis));
        Gridder netIn = series.computeIfAbsent("in", k -> new Gridder(vm, TraceMetric.NETWORK_IN, stepMillis));
        Gridder netOut = series.computeIfAbsent("out", k -> new Gridder(vm, TraceMetric.NETWORK_OUT, stepMillis));
        forEachRecord(file, in, ";", 11, "11 fields separated by ';'", (f, number) -> {
            long millis = epochMillis(file, number, 1, f[0].strip());
            double memoryProvisioned = number(file, number, 6, f[5]);
            double memoryUsed = number(file, number, 7, f[6]);
            cpu.add(millis, number(file, number, 5, f[4]));
            memory.add(millis, memoryProvisioned > 0 ? 100 * memoryUsed / memoryProvisioned : Double.NaN);
            netIn.add(millis, number(file, number, 10, f[9]));
            netOut.add(millis, number(file, number, 11, f[10]));
        });
    }

    private static void readTwoColumns(Path file, BufferedReader in, String server, TraceMetric metric,
                                       long stepMillis, Map<String, Gridder> series) throws IOException {
        Gridder g = series.computeIfAbsent(server, k -> new Gridder(server, metric, stepMillis));
        forEachRecord(file, in, ",", 2, "2 fields 'timestamp,value'",
                (f, number) -> g.add(epochMillis(file, number, 1, f[0].strip()), number(file, number, 2, f[1])));
    }

    private static void readLong(Path file, BufferedReader in, long stepMillis, Map<String, Gridder> series,
                                 List<String> skipped) throws IOException {
        List<String> unknown = new ArrayList<>();
        forEachRecord(file, in, ",", 4, "4 fields 'timestamp,server,metric,value'", (f, number) -> {
            String server = f[1].strip();
            String metricName = f[2].strip();
            if (server.isEmpty()) {
                throw new TraceFormatException(file, number, 2, "empty server name");
            }
            TraceMetric metric = TraceMetric.recognise(metricName).orElse(null);
            if (metric == null) {
                if (!unknown.contains(metricName)) {
                    unknown.add(metricName);
                }
                return;
            }
            long millis = epochMillis(file, number, 1, f[0].strip());
            double value = number(file, number, 4, f[3]);
            series.computeIfAbsent(server + "\u0000" + metric, k -> new Gridder(server, metric, stepMillis))
                    .add(millis, value);
        });
        for (String name : unknown) {
            skipped.add(file + ": metric '" + name + "' is not cpu, memory, network_in or network_out");
        }
    }

    private static double number(Path file, long line, int column, String text) {
        String t = text.strip();
        if (t.isEmpty() || t.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(t);
            if (Double.isInfinite(v)) {
                throw new TraceFormatException(file, line, column, "value is infinite: '" + t + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new TraceFormatException(file, line, column, "not a number: '" + abbreviate(t) + "'");
        }
    }

    /** Epoch seconds (up to 11 digits), epoch millis, an ISO instant, or {@code yyyy-MM-dd HH:mm:ss} in UTC. */
    static long epochMillis(Path file, long line, int column, String text) {
        if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (text.length() > 15) {
                throw new TraceFormatException(file, line, column, "timestamp out of range: '" + text + "'");
            }
            long n = Long.parseLong(text);
            return text.length() <= 11 ? n * 1000 : n;
        }
        try {
            if (text.endsWith("Z") || text.contains("+")) {
                return Instant.parse(text.replace(' ', 'T')).toEpochMilli();
            }
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new TraceFormatException(file, line, column, "not a timestamp (epoch seconds or millis, ISO instant,"
                    + " or yyyy-MM-dd HH:mm:ss): '" + abbreviate(text) + "'");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /** Collects one series' samples onto the grid. */
    private static final class Gridder {
        private final String server;
        private final TraceMetric metric;
        private final long stepMillis;
        private long[] times = new long[1024];
        private double[] values = new double[1024];
        private int size;

        Gridder(String server, TraceMetric metric, long stepMillis) {
            this.server = server;
            this.metric = metric;
            this.stepMillis = stepMillis;
        }

        void add(long millis, double value) {
            if (size == times.length) {
                times = java.util.Arrays.copyOf(times, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            times[size] = millis;
            values[size] = value;
            size++;
        }

        int count() {
            return size;
        }

        Trace trace(String source) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < size; i++) {
                min = Math.min(min, times[i]);
                max = Math.max(max, times[i]);
            }
            long start = Math.floorDiv(min + stepMillis / 2, stepMillis) * stepMillis;
            int n = (int) Math.min(Integer.MAX_VALUE - 8, (max - start) / stepMillis + 2);
            double[] grid = new double[n];
            java.util.Arrays.fill(grid, Double.NaN);
            boolean[] taken = new boolean[n];
            for (int i = 0; i < size; i++) {
                int slot = (int) Math.floorDiv(times[i] - start + stepMillis / 2, stepMillis);
                if (slot >= 0 && slot < n && !taken[slot]) {
                    taken[slot] = true;
                    grid[slot] = values[i];
                }
            }
            int last = n;
            while (last > 0 && !taken[last - 1]) {
                last--;
            }
            return new Trace(source, server, metric, start, stepMillis, java.util.Arrays.copyOf(grid, last));
        }
    }
}
