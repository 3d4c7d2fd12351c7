package io.openmanager.vibe.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.List;

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
        assertThat(md).contains("| benchmark | params | score | error | unit | alloc B/op | target |");
        assertThat(md).contains(
                "| DetectorBenchmark.update | detector=default | 159 | ± 4.50 | ns/op | 0.001 | ≤ 100 ns/op, 0 B/op: **missed** |");
    }

    @Test
    void targetsAreJudgedOnScoreAndAllocation() {
        String md = BenchmarkReport.render("t.json", json(
                result("DetectorBenchmark.update", "\"detector\": \"ewma\"", 3.2, "0.1", "ns/op", alloc(0.0)),
                result("DetectorBenchmark.update", "\"detector\": \"cusum\"", 3.2, "0.1", "ns/op", alloc(24.0)),
                result("ForecasterBenchmark.fit", "\"method\": \"auto\"", 7100, "\"NaN\"", "us/op", alloc(1e6))),
                List.of(), MACHINE);

        assertThat(md).contains("| detector=ewma | 3.20 | ± 0.100 | ns/op | 0 | ≤ 15 ns/op, 0 B/op: met |");
        assertThat(md).contains("| detector=cusum | 3.20 | ± 0.100 | ns/op | 24.0 | ≤ 15 ns/op, 0 B/op: **missed** |");
        // NaN error (a single iteration) is left empty; the forecaster has no allocation target.
        assertThat(md).contains("| ForecasterBenchmark.fit | method=auto | 7,100 |  | us/op | 1,000,000 | ≤ 10,000 us/op: met |");
    }

    @Test
    void withoutGcProfilerAllocationIsNotMeasuredRatherThanMissed() {
        String md = BenchmarkReport.render("t.json", json(
                result("ExportBenchmark.exportOneTick", "\"format\": \"CSV\"", 5.0, "0.2", "us/op", "")),
                List.of(), MACHINE);

        assertThat(md).contains("| format=CSV | 5.00 | ± 0.200 | us/op |  | 0 B/op (not measured: run with -prof gc) |");
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
                "| SimulationBenchmark.tick:samples | servers=10000, threads=1 | 120,000,000 | ± 1,000,000 | ops/s |  | ≥ 50,000,000 ops/s: met |");
        // The reference row carries no target of its own.
        assertThat(md).contains("| DetectorBenchmark.update | detector=rcf | 60,000 | ± 1.00 | ns/op | 80,000 |  |");
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
