package io.openmanager.vibe.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

class BenchmarkReportTest {
    private static final String MACHINE = "2 processors (nproc), Test CPU";

    private static String result(String benchmark, String params, double score, String error, String unit,
                                 String secondary) {
        return """
                {"jmhVersion": "1.37", "benchmark": "io.openmanager.vibe.benchmarks.%s", "mode": "avgt",
                 "vmName": "OpenJDK 64-Bit Server VM", "vmVersion": "17.0.15+6",
                 "params": {%s},
                 "primaryMetric": {"score": %s, "scoreError": %s, "scoreUnit": "%s"},
                 "secondaryMetrics": {%s}}
                """.formatted(benchmark, params, score, error, unit, secondary);
    }

    private static String alloc(double bytes) {
        return "\"gc.alloc.rate.norm\": {\"score\": " + bytes + ", \"scoreError\": \"NaN\", \"scoreUnit\": \"B/op\"},"
                + " \"gc.count\": {\"score\": 0.0, \"scoreError\": 0.0, \"scoreUnit\": \"counts\"}";
    }

    private static String json(String... results) {
        return "[" + String.join(",", results) + "]";
    }

    @Test
    void headerNamesMachineAndJdkAndEveryRowHasTheColumns() {
        String md = BenchmarkReport.render("t.json", json(
                result("DetectorBenchmark.update", "\"detector\": \"default\"", 158.92, "4.5", "ns/op", alloc(0.001))),
                List.of(), MACHINE);

        assertThat(md).startsWith("Machine: 2 processors (nproc), Test CPU. JDK: OpenJDK 64-Bit Server VM 17.0.15+6.");
        assertThat(md).contains("| benchmark | params | score | error | unit | alloc B/op | net B/op | target |");
        assertThat(md).contains(
                "| DetectorBenchmark.update | detector=default | 159 | ± 4.50 | ns/op | 0.001 |  | ≤ 150 ns/op, 0 B/op: **missed** |");
    }

    @Test
    void targetsAreJudgedOnScoreAndAllocation() {
        String md = BenchmarkReport.render("t.json", json(
                result("DetectorBenchmark.update", "\"detector\": \"ewma\"", 3.2, "0.1", "ns/op", alloc(0.0)),
                result("DetectorBenchmark.update", "\"detector\": \"cusum\"", 3.2, "0.1", "ns/op", alloc(24.0)),
                result("ForecasterBenchmark.fit", "\"method\": \"auto\"", 7100, "\"NaN\"", "us/op", alloc(1e6))),
                List.of(), MACHINE);

        assertThat(md).contains("| detector=ewma | 3.20 | ± 0.100 | ns/op | 0 |  | ≤ 15 ns/op, 0 B/op: met |");
        assertThat(md).contains("| detector=cusum | 3.20 | ± 0.100 | ns/op | 24.0 |  | ≤ 15 ns/op, 0 B/op: **missed** |");
        // NaN error (a single iteration) is left empty; the forecaster has no allocation target.
        assertThat(md).contains("| ForecasterBenchmark.fit | method=auto | 7,100 |  | us/op | 1,000,000 |  | ≤ 20,000 us/op: met |");
    }

    @Test
    void withoutGcProfilerAllocationIsNotMeasuredRatherThanMissed() {
        String md = BenchmarkReport.render("t.json", json(
                result("ExportBenchmark.exportOneTick", "\"format\": \"CSV\"", 5.0, "0.2", "us/op", "")),
                List.of(), MACHINE);

        assertThat(md).contains("| format=CSV | 5.00 | ± 0.200 | us/op |  |  | 0 B/op (not measured: run with -prof gc) |");
    }

    @Test
    void ratiosAndMemoryGoToTheDerivedTable() {
        String md = BenchmarkReport.render("t.json", json(
                result("DetectorBenchmark.update", "\"detector\": \"default\"", 100, "1", "ns/op", alloc(0)),
                result("DetectorBenchmark.update", "\"detector\": \"rcf\"", 60_000, "1", "ns/op", alloc(80_000)),
                result("SimulationBenchmark.tick", "\"servers\": \"10000\", \"threads\": \"1\"", 2000, "10", "ops/s",
                        alloc(4) + ", \"samples\": {\"score\": 1.2E8, \"scoreError\": 1.0E6, \"scoreUnit\": \"ops/s\"}"),
                result("SimulationBenchmark.tick", "\"servers\": \"10000\", \"threads\": \"2\"", 3000, "10", "ops/s",
                        alloc(4))),
                List.of("default: 10813 bytes per series (20000 series)", "noise",
                        "rcf: 1230965 bytes per series (20 series)"), MACHINE);

        assertThat(md).contains("| default detector speed-up over rcf (rcf ns/op ÷ default ns/op) | 600x | ≥ 500x: met |");
        assertThat(md).contains("| simulation, 10000 servers: 2 threads ÷ 1 thread (ticks/s) | 1.50x | ≥ 1.7x: **missed** |");
        assertThat(md).contains("| default detector state per series (DetectorMemory, 20000 series) | 10,813 B | ≤ 256 B: **missed** |");
        assertThat(md).contains("| rcf detector state per series (DetectorMemory, 20 series) | 1,230,965 B |  |");
        assertThat(md).contains("| rcf state ÷ default state | 114x |  |");
        // The @AuxCounters counter is a row of its own, with the samples/s target.
        assertThat(md).contains(
                "| SimulationBenchmark.tick:samples | servers=10000, threads=1 | 120,000,000 | ± 1,000,000 | ops/s |  |  | ≥ 50,000,000 ops/s: met |");
        // The reference row carries no target of its own.
        assertThat(md).contains("| DetectorBenchmark.update | detector=rcf | 60,000 | ± 1.00 | ns/op | 80,000 |  |  |");
    }

    /**
     * A result as JMH writes it with {@code -prof gc}: per-iteration scores and {@code gc.alloc.rate.norm}, the mode
     * and the iteration time (1 s), from which the report derives each iteration's operations.
     */
    private static String measured(String benchmark, String mode, String params, String unit, double[] scores,
                                   double[] allocPerOp) {
        return """
                {"jmhVersion": "1.37", "benchmark": "io.openmanager.vibe.benchmarks.%s", "mode": "%s", "threads": 1,
                 "vmName": "OpenJDK 64-Bit Server VM", "vmVersion": "17.0.15+6",
                 "measurementIterations": %d, "measurementTime": "1 s", "measurementBatchSize": 1,
                 "params": {%s},
                 "primaryMetric": {"score": %s, "scoreError": "NaN", "scoreUnit": "%s", "rawData": [%s]},
                 "secondaryMetrics": {"gc.alloc.rate.norm": {"score": %s, "scoreError": "NaN", "scoreUnit": "B/op",
                                                             "rawData": [%s]}}}
                """.formatted(benchmark, mode, scores.length, params, mean(scores), unit, list(scores),
                mean(allocPerOp), list(allocPerOp));
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static String list(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /** What JMH allocated in each iteration of HarnessBaseline: 6,200, 6,260 and 6,230 bytes, mean 6,230. */
    private static final double[] HARNESS_BYTES = {6_200, 6_260, 6_230};

    private static String harness() {
        double[] opsPerSecond = {2.4e9, 2.5e9, 2.5e9};
        double[] norm = new double[3];
        for (int i = 0; i < 3; i++) {
            norm[i] = HARNESS_BYTES[i] / opsPerSecond[i];
        }
        return measured("HarnessBaseline.tick", "thrpt", "", "ops/s", opsPerSecond, norm);
    }

    private static final double[] TICKS = {135, 136, 134};

    /** 100,000-server ticks (about 135 per 1 s iteration) allocating {@code bytes[i]} besides JMH's 6,230 B. */
    private static String ticks(double... bytes) {
        double[] norm = new double[TICKS.length];
        for (int i = 0; i < TICKS.length; i++) {
            norm[i] = (6_230 + bytes[i]) / TICKS[i];
        }
        return measured("SimulationBenchmark.tick", "thrpt", "\"servers\": \"100000\", \"threads\": \"1\"", "ops/s",
                TICKS, norm);
    }

    @Test
    void theHarnessBytesPerIterationAreTakenOutSoAnAllocationFreeTickMeetsZero() {
        // JMH's 6,230 B per iteration are 46 B per tick at 135 ticks per iteration: raw, the row would miss.
        String md = BenchmarkReport.render("t.json", json(harness(), ticks(0, 0, 0)), List.of(), MACHINE);

        assertThat(md).contains("| SimulationBenchmark.tick | servers=100000, threads=1 | 135 |  | ops/s | 46.1 | 0 |"
                + " 0 B/op: met |");
        assertThat(md).contains("| JMH's own allocation per iteration (HarnessBaseline.tick, 3 iterations: 6,200 to"
                + " 6,260 B), taken out of net B/op | 6,230 B |  |");
        // The baseline is a measurement aid, not a row of the table.
        assertThat(md).doesNotContain("| HarnessBaseline.tick |");
    }

    @Test
    void oneSmallObjectPerTickStillMisses() {
        // One 16-byte object per tick: 16 x 135 = 2,160 B per iteration above the harness.
        String md = BenchmarkReport.render("t.json", json(harness(), ticks(16 * 135, 16 * 136, 16 * 134)),
                List.of(), MACHINE);

        assertThat(md).contains("| ops/s | 62.1 | 16.0 | 0 B/op: **missed** |");
    }

    @Test
    void anAllocationInAMinorityOfIterationsIsNamedButDoesNotHideTheSteadyState() {
        // A scenario firing: 15,000 B in one iteration of three. The median iteration allocates nothing.
        String rare = BenchmarkReport.render("t.json", json(harness(), ticks(0, 15_000, 0)), List.of(), MACHINE);
        assertThat(rare).contains("| 0 | 0 B/op: met (1 of 3 iterations allocated, up to 15,000 B) |");

        // In two iterations of three it is the steady state, and misses.
        String often = BenchmarkReport.render("t.json", json(harness(), ticks(0, 15_000, 300)), List.of(), MACHINE);
        assertThat(often).contains("| 2.24 | 0 B/op: **missed** |");
    }

    @Test
    void withoutTheHarnessBaselineTheRawMedianIsJudgedAndNetIsLeftEmpty() {
        String md = BenchmarkReport.render("t.json", json(ticks(0, 0, 0)), List.of(), MACHINE);

        assertThat(md).contains("| ops/s | 46.1 |  | 0 B/op: **missed** |");
        assertThat(md).contains("| JMH's own allocation per iteration | not measured (run HarnessBaseline.tick too):"
                + " net B/op not computed |  |");
    }

    @Test
    void operationsPerIterationFollowFromModeAndTime() {
        // Average time: 1 s / 20 us = 50,000 frames per iteration, so the harness is 6,230 / 50,000 = 0.1246 B per frame.
        String pipeline = measured("PipelineBenchmark.oneFrame", "avgt",
                "\"anomalies\": \"none\", \"forecasting\": \"false\"", "us/op", new double[] {20, 20, 20},
                new double[] {0.1246, 0.1246, 0.1246 + 1.5});
        String md = BenchmarkReport.render("t.json", json(harness(), pipeline), List.of(), MACHINE);

        assertThat(md).contains("| PipelineBenchmark.oneFrame | anomalies=none, forecasting=false | 20.0 |  | us/op |"
                + " 0.625 | 0 | 0 B/op: met (1 of 3 iterations allocated, up to 75,000 B) |");
        assertThat(BenchmarkReport.seconds("1 s")).isEqualTo(1.0);
        assertThat(BenchmarkReport.seconds("200 ms")).isEqualTo(0.2);
        assertThat(BenchmarkReport.seconds("single-shot")).isNaN();
    }

    @Test
    void pipelineRowsWithOutputCarryANoteInsteadOfAVerdict() {
        String md = BenchmarkReport.render("t.json", json(
                result("PipelineBenchmark.oneFrame", "\"anomalies\": \"published\", \"forecasting\": \"false\"",
                        19.2, "1", "us/op", alloc(20.5)),
                result("PipelineBenchmark.oneFrame", "\"anomalies\": \"none\", \"forecasting\": \"true\"",
                        22.8, "1", "us/op", alloc(10_900))),
                List.of(), MACHINE);

        assertThat(md).contains("| 20.5 |  | none: allocates its anomaly events |");
        assertThat(md).contains("| 10,900 |  | none: refits and forecast events allocate |");
    }

    @Test
    void badInputNamesTheFileAndTheField() {
        assertThatThrownBy(() -> BenchmarkReport.render("run.json", "{not json", List.of(), MACHINE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("run.json: not JMH JSON");
        assertThatThrownBy(() -> BenchmarkReport.render("run.json", "[]", List.of(), MACHINE))
                .hasMessage("run.json: expected a non-empty JSON array of JMH results");
        assertThatThrownBy(() -> BenchmarkReport.render("run.json", "[{\"benchmark\": \"x.Y.z\", "
                + "\"primaryMetric\": {\"score\": \"fast\"}}]", List.of(), MACHINE))
                .hasMessage("run.json[0] (x.Y.z): field 'primaryMetric.score' is not a number: \"fast\"");
        assertThatThrownBy(() -> BenchmarkReport.render("run.json", "[{\"mode\": \"avgt\"}]", List.of(), MACHINE))
                .hasMessage("run.json[0]: missing field 'benchmark'");
    }

    @Test
    void numbersKeepThreeSignificantDigitsThenWholeNumbers() {
        assertThat(BenchmarkReport.number(0.0001)).isEqualTo("0");
        assertThat(BenchmarkReport.number(0.5)).isEqualTo("0.500");
        assertThat(BenchmarkReport.number(2.346)).isEqualTo("2.35");
        assertThat(BenchmarkReport.number(26.04)).isEqualTo("26.0");
        assertThat(BenchmarkReport.number(57908.276)).isEqualTo("57,908");
    }
}
