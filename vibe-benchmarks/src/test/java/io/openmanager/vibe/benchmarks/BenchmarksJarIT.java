package io.openmanager.vibe.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CI smoke test of the packaged {@code benchmarks.jar}, so the suite cannot rot: it lists every benchmark, runs two of
 * them for one short iteration (the Random Cut Forest reference row, which needs its dependency at run time, and
 * synchronous dispatch) and turns their JSON into the report. A few seconds; not a measurement.
 */
class BenchmarksJarIT {
    private static Path jar;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findJar() {
        String path = System.getProperty("benchmarks.jar");
        assertThat(path).as("system property benchmarks.jar, set by the failsafe configuration").isNotBlank();
        jar = Path.of(path);
        assertThat(jar).isRegularFile();
    }

    private List<String> java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java"));
        command.addAll(List.of(args));
        // Files rather than pipes: nothing can block on a full pipe buffer.
        File out = tmp.resolve("out.txt").toFile();
        File err = tmp.resolve("err.txt").toFile();
        Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish within 120 s: " + command);
        }
        List<String> lines = Files.readAllLines(out.toPath(), StandardCharsets.UTF_8);
        assertThat(process.exitValue())
                .as("exit code of %s%nstdout: %s%nstderr: %s", command, lines,
                        Files.readString(err.toPath(), StandardCharsets.UTF_8))
                .isZero();
        return lines;
    }

    @Test
    void listsEveryBenchmark() throws Exception {
        List<String> list = java("-jar", jar.toString(), "-l");

        for (String benchmark : List.of("DetectorBenchmark.update", "SimulationBenchmark.tick",
                "ForecasterBenchmark.fit", "ForecasterBenchmark.forecast48", "ScenarioParseBenchmark.parseBuiltIn",
                "DispatchBenchmark.publishOneFrame", "PipelineBenchmark.oneFrame", "ExportBenchmark.exportOneTick",
                "HarnessBaseline.tick")) {
            assertThat(list).contains("io.openmanager.vibe.benchmarks." + benchmark);
        }
    }

    @Test
    void runsOneShortIterationAndReportsIt() throws Exception {
        Path json = tmp.resolve("smoke.json");
        // JMH takes a machine-wide lock (/tmp/jmh.lock) so that two runs do not skew each other; this smoke run
        // measures nothing worth protecting and must not fail because someone else is benchmarking on the machine.
        java("-Djmh.ignoreLock=true", "-jar", jar.toString(), "DetectorBenchmark|DispatchBenchmark",
                "-p", "detector=rcf", "-p", "mode=SYNCHRONOUS", "-f", "1", "-wi", "0", "-i", "1", "-r", "200ms",
                "-foe", "true", "-rf", "json", "-rff", json.toString());

        List<String> report = java("-cp", jar.toString(), BenchmarkReport.class.getName(), json.toString());

        assertThat(report.get(0)).startsWith("Machine: ").contains("JDK: ");
        assertThat(report).anySatisfy(line -> assertThat(line)
                .startsWith("| DetectorBenchmark.update | detector=rcf | "));
        assertThat(report).anySatisfy(line -> assertThat(line)
                .startsWith("| DispatchBenchmark.publishOneFrame | mode=SYNCHRONOUS | ")
                .contains("0 B/op (not measured: run with -prof gc)"));
    }
}
