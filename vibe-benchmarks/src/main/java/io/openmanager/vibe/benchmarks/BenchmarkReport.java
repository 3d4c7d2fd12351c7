package io.openmanager.vibe.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a JMH JSON result file ({@code -rf json -rff FILE}) into the Markdown performance table of the README: one
 * row per benchmark and parameter set (score, error, unit, {@code gc.alloc.rate.norm} from {@code -prof gc}, the
 * allocation net of JMH's own, and the target with whether it was met), the ratios whose targets are ratios
 * (default detector against Random Cut Forest; simulation with 2 threads against 1) and, optionally, the bytes per
 * series that {@link DetectorMemory} printed.
 *
 * <p><b>Allocation verdicts.</b> {@code gc.alloc.rate.norm} is every byte the forked JVM allocated during an
 * iteration divided by the iteration's operations, so it includes what JMH itself allocates per iteration (a few
 * kilobytes), which is tens of bytes per operation for a benchmark with a hundred operations per iteration. When the
 * run includes {@link HarnessBaseline}, whose benchmark allocates nothing, its bytes per iteration
 * ({@code gc.alloc.rate.norm} times operations) are the harness' share: the {@code net B/op} column takes them out
 * of each iteration ({@code norm - harness bytes / operations of the iteration}) and shows the median iteration. A
 * {@code 0 B/op} target is met when that median is below 1 byte per operation, so a path that allocates even one
 * small object per operation misses it however few operations an iteration has, while an allocation in a minority of
 * the iterations (a rare event, such as a scenario firing in the simulation) does not hide the steady state; the
 * verdict then says in how many iterations it happened and how many bytes. Without {@code HarnessBaseline} in the
 * run the median of the raw {@code gc.alloc.rate.norm} is judged and the net column stays empty.
 *
 * <p>The header names the machine (processors, CPU model from {@code /proc/cpuinfo}, load average from
 * {@code /proc/loadavg} when the report is made, which tells how shared the machine was) and the JDK that ran the
 * benchmarks (from the JSON).
 *
 * <p>Run by {@code scripts/bench-quick.sh}; by hand:
 * <pre>{@code
 * java -cp vibe-benchmarks/target/benchmarks.jar io.openmanager.vibe.benchmarks.BenchmarkReport jmh.json [memory.txt]
 * }</pre>
 */
public final class BenchmarkReport {
    private static final String PACKAGE = "io.openmanager.vibe.benchmarks.";
    /** The benchmark that measures JMH's own allocation per iteration (see {@link HarnessBaseline}). */
    static final String HARNESS = "HarnessBaseline.tick";
    private static final Pattern MEMORY_LINE = Pattern.compile("(\\S+): (\\d+) bytes per series \\((\\d+) series\\)");
    /**
     * Below this many bytes per operation (net of the harness, median iteration) a path counts as allocation-free: the
     * harness' bytes vary by some tens of bytes from one iteration to the next, so the net figure is never exactly 0.
     */
    private static final double ZERO_ALLOCATION_BYTES = 1.0;

    private static final List<Target> TARGETS = List.of(
            Target.time("DetectorBenchmark.update", "detector=default", Bound.AT_MOST, 150, "ns/op", true),
            Target.time("DetectorBenchmark.update", "detector=threshold", Bound.AT_MOST, 15, "ns/op", true),
            Target.time("DetectorBenchmark.update", "detector=ewma", Bound.AT_MOST, 15, "ns/op", true),
            Target.time("DetectorBenchmark.update", "detector=cusum", Bound.AT_MOST, 15, "ns/op", true),
            Target.time("DetectorBenchmark.update", "detector=page-hinkley", Bound.AT_MOST, 15, "ns/op", true),
            Target.allocationOnly("DetectorBenchmark.update", "detector=robust-window"),
            Target.allocationOnly("DetectorBenchmark.update", "detector=seasonal"),
            Target.allocationOnly("SimulationBenchmark.tick", ""),
            Target.time("SimulationBenchmark.tick:samples", "servers=10000, threads=1", Bound.AT_LEAST, 50e6, "ops/s",
                    false),
            Target.time("ForecasterBenchmark.fit", "method=auto", Bound.AT_MOST, 20_000, "us/op", false),
            Target.time("ForecasterBenchmark.forecast48", "method=auto", Bound.AT_MOST, 5, "us/op", false),
            Target.allocationOnly("DispatchBenchmark.publishOneFrame", "mode=SYNCHRONOUS"),
            Target.allocationOnly("ExportBenchmark.exportOneTick", ""),
            Target.allocationOnly("PipelineBenchmark.oneFrame", "anomalies=none, forecasting=false"),
            Target.allocationOnly("PipelineBenchmark.oneFrame", "anomalies=none, forecasting=recording"),
            Target.note("PipelineBenchmark.oneFrame", "anomalies=published, forecasting=false",
                    "none: allocates its anomaly events"),
            Target.note("PipelineBenchmark.oneFrame", "anomalies=none, forecasting=true",
                    "none: refits and forecast events allocate"),
            Target.note("PipelineBenchmark.oneFrame", "anomalies=published, forecasting=true",
                    "none: refits and events allocate"));

    private BenchmarkReport() {
    }

    /**
     * Prints the Markdown report to standard output.
     *
     * @param args the JMH JSON file, then optionally a file holding {@link DetectorMemory}'s output
     * @throws IOException if a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: BenchmarkReport JMH_JSON [DETECTOR_MEMORY_OUTPUT]");
            System.exit(2);
        }
        Path json = Path.of(args[0]);
        List<String> memory = args.length > 1 ? Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8) : List.of();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(render(json.toString(), Files.readString(json, StandardCharsets.UTF_8), memory, machine()));
    }

    /** Processors and CPU model of this machine, as the header states them. */
    static String machine() {
        String model = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc/cpuinfo (not Linux): the model stays unknown.
        }
        String load = "";
        try {
            String[] loadavg = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split(" ");
            // Read when the report is made, right after the run: the 5-minute figure covers most of a quick run.
            load = ", load average " + loadavg[0] + " / " + loadavg[1] + " / " + loadavg[2] + " (1 / 5 / 15 min)";
        } catch (IOException | RuntimeException e) {
            // No /proc/loadavg: no load figure.
        }
        return Runtime.getRuntime().availableProcessors() + " processors (nproc), " + model + load;
    }

    /**
     * The whole report.
     *
     * @param source the JSON's file name, for error messages
     * @param jmhJson JMH's JSON output
     * @param memoryLines {@link DetectorMemory}'s output lines (may be empty)
     * @param machine the machine as the header names it
     */
    static String render(String source, String jmhJson, List<String> memoryLines, String machine) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(jmhJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not JMH JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new IllegalArgumentException(source + ": expected a non-empty JSON array of JMH results");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            rows.addAll(rows(source + "[" + i + "]", root.get(i)));
        }
        Harness harness = Harness.of(find(rows, HARNESS, ""));
        JsonNode first = root.get(0);
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(machine).append(". JDK: ").append(text(first, "vmName")).append(' ')
                .append(text(first, "vmVersion")).append(". JMH ").append(text(first, "jmhVersion")).append(".\n\n");
        md.append("| benchmark | params | score | error | unit | alloc B/op | net B/op | target |\n");
        md.append("|---|---|---:|---:|---|---:|---:|---|\n");
        for (Row row : rows) {
            if (row.name().startsWith(HARNESS)) {
                continue;
            }
            Target target = targetFor(row);
            Allocation allocation = Allocation.of(row, harness);
            md.append("| ").append(row.name()).append(" | ").append(row.paramsText()).append(" | ")
                    .append(number(row.score())).append(" | ").append(row.error() == null ? "" : "± " + number(row.error()))
                    .append(" | ").append(row.unit()).append(" | ").append(row.alloc() == null ? "" : number(row.alloc()))
                    .append(" | ").append(allocation == null || !allocation.net() ? "" : number(allocation.median()))
                    .append(" | ").append(target == null ? "" : target.judge(row, allocation)).append(" |\n");
        }
        List<String> derived = new ArrayList<>();
        if (harness != null) {
            derived.add("| JMH's own allocation per iteration (" + HARNESS + ", " + harness.iterations()
                    + " iterations: " + number(harness.min()) + " to " + number(harness.max())
                    + " B), taken out of net B/op | " + number(harness.bytesPerIteration()) + " B |  |");
        } else if (rows.stream().anyMatch(row -> row.alloc() != null)) {
            derived.add("| JMH's own allocation per iteration | not measured (run " + HARNESS
                    + " too): net B/op not computed |  |");
        }
        derived.addAll(derived(rows, memoryLines));
        if (!derived.isEmpty()) {
            md.append("\n| derived | value | target |\n|---|---:|---|\n");
            derived.forEach(line -> md.append(line).append('\n'));
        }
        return md.toString();
    }

    private static List<String> derived(List<Row> rows, List<String> memoryLines) {
        List<String> lines = new ArrayList<>();
        Row rcf = find(rows, "DetectorBenchmark.update", "detector=rcf");
        Row vibe = find(rows, "DetectorBenchmark.update", "detector=default");
        if (rcf != null && vibe != null) {
            double speedUp = rcf.score() / vibe.score();
            lines.add("| default detector speed-up over rcf (rcf ns/op ÷ default ns/op) | " + number(speedUp) + "x | "
                    + judge("≥ 500x", speedUp >= 500) + " |");
        }
        for (Row one : rows) {
            if (one.name().equals("SimulationBenchmark.tick") && "1".equals(one.params().get("threads"))) {
                Map<String, String> params = new LinkedHashMap<>(one.params());
                params.put("threads", "2");
                Row two = find(rows, "SimulationBenchmark.tick", paramsText(params));
                if (two != null) {
                    double scaling = two.score() / one.score();
                    String servers = one.params().get("servers");
                    lines.add("| simulation, " + servers + " servers: 2 threads ÷ 1 thread (ticks/s) | "
                            + number(scaling) + "x | " + ("10000".equals(servers) ? judge("≥ 1.7x", scaling >= 1.7) : "")
                            + " |");
                }
            }
        }
        Map<String, Long> bytesPerSeries = new LinkedHashMap<>();
        for (String line : memoryLines) {
            Matcher m = MEMORY_LINE.matcher(line.trim());
            if (m.matches()) {
                long bytes = Long.parseLong(m.group(2));
                bytesPerSeries.put(m.group(1), bytes);
                lines.add("| " + m.group(1) + " detector state per series (DetectorMemory, " + m.group(3)
                        + " series) | " + number(bytes) + " B | "
                        + ("default".equals(m.group(1)) ? judge("≤ 256 B", bytes <= 256) : "") + " |");
            }
        }
        Long rcfBytes = bytesPerSeries.get("rcf");
        Long defaultBytes = bytesPerSeries.get("default");
        if (rcfBytes != null && defaultBytes != null && defaultBytes > 0) {
            lines.add("| rcf state ÷ default state | " + number((double) rcfBytes / defaultBytes) + "x |  |");
        }
        return lines;
    }

    private static Row find(List<Row> rows, String name, String params) {
        for (Row row : rows) {
            if (row.name().equals(name) && row.paramsText().equals(params)) {
                return row;
            }
        }
        return null;
    }

    private static Target targetFor(Row row) {
        for (Target target : TARGETS) {
            if (target.benchmark().equals(row.name())
                    && (target.params().isEmpty() || target.params().equals(row.paramsText()))) {
                return target;
            }
        }
        return null;
    }

    private static List<Row> rows(String where, JsonNode result) {
        String benchmark = text(result, "benchmark");
        if (benchmark.isEmpty()) {
            throw new IllegalArgumentException(where + ": missing field 'benchmark'");
        }
        String name = benchmark.startsWith(PACKAGE) ? benchmark.substring(PACKAGE.length()) : benchmark;
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode paramNode = result.path("params");
        for (Iterator<Map.Entry<String, JsonNode>> it = paramNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), e.getValue().asText());
        }
        JsonNode primary = result.path("primaryMetric");
        if (!primary.path("score").isNumber()) {
            throw new IllegalArgumentException(where + " (" + name + "): field 'primaryMetric.score' is not a number: "
                    + primary.path("score"));
        }
        JsonNode secondary = result.path("secondaryMetrics");
        JsonNode alloc = secondary.has("gc.alloc.rate.norm") ? secondary.get("gc.alloc.rate.norm")
                : secondary.path("·gc.alloc.rate.norm");
        double score = primary.get("score").asDouble();
        String unit = text(primary, "scoreUnit");
        List<Iteration> iterations = new ArrayList<>();
        if (alloc.path("score").isNumber()) {
            Ops ops = new Ops(text(result, "mode"), unit, seconds(text(result, "measurementTime")),
                    result.path("threads").asInt(1), result.path("measurementBatchSize").asInt(1));
            List<Double> scores = raw(primary);
            List<Double> allocs = raw(alloc);
            if (!scores.isEmpty() && scores.size() == allocs.size()) {
                for (int i = 0; i < scores.size(); i++) {
                    iterations.add(new Iteration(ops.perIteration(scores.get(i)), allocs.get(i)));
                }
            } else {
                // No per-iteration data (a hand-made file): the whole run counts as one iteration.
                iterations.add(new Iteration(ops.perIteration(score), alloc.get("score").asDouble()));
            }
        }
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(name, params, score, error(primary), unit,
                alloc.path("score").isNumber() ? alloc.get("score").asDouble() : null, iterations));
        // User counters (@AuxCounters) get rows of their own; profiler metrics (gc.*, ·gc.*) do not.
        for (Iterator<Map.Entry<String, JsonNode>> it = secondary.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().startsWith("gc.") && !e.getKey().startsWith("·") && e.getValue().path("score").isNumber()) {
                rows.add(new Row(name + ":" + e.getKey(), params, e.getValue().get("score").asDouble(),
                        error(e.getValue()), text(e.getValue(), "scoreUnit"), null, List.of()));
            }
        }
        return rows;
    }

    /** A metric's per-iteration values, all forks in order ({@code rawData}); empty if absent or not numbers. */
    private static List<Double> raw(JsonNode metric) {
        List<Double> values = new ArrayList<>();
        for (JsonNode fork : metric.path("rawData")) {
            for (JsonNode value : fork) {
                if (!value.isNumber()) {
                    return List.of();
                }
                values.add(value.asDouble());
            }
        }
        return values;
    }

    /** JMH's time text ({@code "1 s"}, {@code "200 ms"}) in seconds; NaN if it is not one. */
    static double seconds(String time) {
        String[] parts = time.trim().split(" ");
        if (parts.length != 2) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(parts[0]) * unitSeconds(parts[1]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double unitSeconds(String unit) {
        return switch (unit) {
            case "ns" -> 1e-9;
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "min" -> 60;
            case "hr" -> 3600;
            case "day" -> 86_400;
            default -> Double.NaN;
        };
    }

    private static Double error(JsonNode metric) {
        JsonNode error = metric.path("scoreError");
        return error.isNumber() && Double.isFinite(error.asDouble()) ? error.asDouble() : null;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asText("");
    }

    static String paramsText(Map<String, String> params) {
        StringBuilder text = new StringBuilder();
        params.forEach((k, v) -> text.append(text.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return text.toString();
    }

    /** Three significant digits below 100, whole numbers with thousands separators from 100 on. */
    static String number(double value) {
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (abs >= 0.0005) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        return "0";
    }

    private static String judge(String target, boolean met) {
        return target + ": " + (met ? "met" : "**missed**");
    }

    private enum Bound { AT_MOST, AT_LEAST }

    private record Row(String name, Map<String, String> params, double score, Double error, String unit,
                       Double alloc, List<Iteration> iterations) {
        String paramsText() {
            return BenchmarkReport.paramsText(params);
        }
    }

    /**
     * A target from issue 8: a bound on the score in the benchmark's own unit, and/or no allocation; or, for a row that
     * has none, a note saying why.
     */
    private record Target(String benchmark, String params, Bound bound, double limit, String unit,
                          boolean zeroAllocation, String note) {
        static Target time(String benchmark, String params, Bound bound, double limit, String unit,
                           boolean zeroAllocation) {
            return new Target(benchmark, params, bound, limit, unit, zeroAllocation, null);
        }

        static Target allocationOnly(String benchmark, String params) {
            return new Target(benchmark, params, null, 0, "", true, null);
        }

        static Target note(String benchmark, String params, String note) {
            return new Target(benchmark, params, null, 0, "", false, note);
        }

        String judge(Row row, Allocation allocation) {
            if (note != null) {
                return note;
            }
            List<String> parts = new ArrayList<>();
            boolean met = true;
            if (bound != null) {
                if (!unit.equals(row.unit())) {
                    return "unit " + row.unit() + " is not the target's " + unit;
                }
                String limitText = limit == Math.rint(limit) ? String.format(Locale.ROOT, "%,.0f", limit) : number(limit);
                parts.add((bound == Bound.AT_MOST ? "≤ " : "≥ ") + limitText + " " + unit);
                met = bound == Bound.AT_MOST ? row.score() <= limit : row.score() >= limit;
            }
            if (zeroAllocation && allocation == null) {
                parts.add("0 B/op (not measured: run with -prof gc)");
                return bound == null ? parts.get(0) : BenchmarkReport.judge(parts.get(0), met) + ", " + parts.get(1);
            }
            String rare = "";
            if (zeroAllocation) {
                parts.add("0 B/op");
                boolean steady = allocation.median() < ZERO_ALLOCATION_BYTES;
                met &= steady;
                int allocating = allocation.allocating();
                if (steady && allocating > 0) {
                    double bytes = allocation.maxBytes();
                    rare = " (" + allocating + " of " + allocation.perOp().size() + " iterations allocated"
                            + (Double.isFinite(bytes) ? ", up to " + number(bytes) + " B)" : ")");
                }
            }
            return BenchmarkReport.judge(String.join(", ", parts), met) + rare;
        }
    }

    /** One measurement iteration: its operations (NaN if unknown) and its {@code gc.alloc.rate.norm}. */
    private record Iteration(double ops, double bytesPerOp) {
    }

    /** How a result's operations per iteration follow from its score, mode and iteration time. */
    private record Ops(String mode, String unit, double iterationSeconds, int threads, int batchSize) {
        double perIteration(double score) {
            String[] units = unit.split("/");
            if (units.length != 2) {
                return Double.NaN;
            }
            return switch (mode) {
                // operations per time unit, summed over the threads
                case "thrpt" -> "ops".equals(units[0]) ? score * iterationSeconds / unitSeconds(units[1]) : Double.NaN;
                // time per operation, averaged over the threads
                case "avgt", "sample" -> "op".equals(units[1])
                        ? threads * iterationSeconds / (score * unitSeconds(units[0])) : Double.NaN;
                case "ss" -> (double) threads * batchSize;
                default -> Double.NaN;
            };
        }
    }

    /** JMH's own bytes per iteration, from {@link HarnessBaseline}'s iterations. */
    private record Harness(double bytesPerIteration, double min, double max, int iterations) {
        static Harness of(Row row) {
            if (row == null || row.iterations().isEmpty()) {
                return null;
            }
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Iteration iteration : row.iterations()) {
                double bytes = iteration.bytesPerOp() * iteration.ops();
                if (!Double.isFinite(bytes)) {
                    return null;
                }
                sum += bytes;
                min = Math.min(min, bytes);
                max = Math.max(max, bytes);
            }
            return new Harness(sum / row.iterations().size(), min, max, row.iterations().size());
        }
    }

    /**
     * A row's allocation per iteration, net of the harness when it and every iteration's operations are known.
     *
     * @param perOp bytes per operation of each iteration (net or raw)
     * @param bytes bytes of each iteration (net or raw; NaN where the operations are unknown)
     * @param net   whether the harness was taken out
     */
    private record Allocation(List<Double> perOp, List<Double> bytes, boolean net) {
        static Allocation of(Row row, Harness harness) {
            if (row.iterations().isEmpty()) {
                return null;
            }
            boolean net = harness != null && row.iterations().stream().allMatch(i -> i.ops() > 0);
            List<Double> perOp = new ArrayList<>();
            List<Double> bytes = new ArrayList<>();
            for (Iteration iteration : row.iterations()) {
                double value = iteration.bytesPerOp() - (net ? harness.bytesPerIteration() / iteration.ops() : 0);
                perOp.add(value);
                bytes.add(value * iteration.ops());
            }
            return new Allocation(perOp, bytes, net);
        }

        /** The median iteration's bytes per operation. */
        double median() {
            List<Double> sorted = new ArrayList<>(perOp);
            sorted.sort(null);
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        /** Iterations at or above the allocation-free bound. */
        int allocating() {
            return (int) perOp.stream().filter(v -> v >= ZERO_ALLOCATION_BYTES).count();
        }

        /** The most bytes an allocating iteration allocated (NaN if its operations are unknown). */
        double maxBytes() {
            double max = 0;
            for (int i = 0; i < perOp.size(); i++) {
                if (perOp.get(i) >= ZERO_ALLOCATION_BYTES) {
                    max = Double.isNaN(bytes.get(i)) ? Double.NaN : Math.max(max, bytes.get(i));
                }
            }
            return max;
        }
    }
}
