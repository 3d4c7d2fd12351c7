package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.Fleet;
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

/** Runs the packaged {@code vibe.jar} in its own JVM, as a user would. */
class VibeJarIT {
    private static Path jar;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findJar() {
        String path = System.getProperty("vibe.jar");
        assertThat(path).as("system property vibe.jar, set by the failsafe configuration").isNotBlank();
        jar = Path.of(path);
        assertThat(jar).isRegularFile();
    }

    private record Result(int exitCode, List<String> out, List<String> err) {
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private Result java(String... args) throws Exception {
        List<String> command = command(args);
        // Files rather than pipes: nothing can block on a full pipe buffer.
        File out = tmp.resolve("out.txt").toFile();
        File err = tmp.resolve("err.txt").toFile();
        Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("vibe did not finish within 60 s: " + command);
        }
        return new Result(process.exitValue(),
                Files.readAllLines(out.toPath(), StandardCharsets.UTF_8),
                Files.readAllLines(err.toPath(), StandardCharsets.UTF_8));
    }

    @Test
    void fleetPrintsTwentyServers() throws Exception {
        Result result = java("fleet");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).hasSize(1 + 20);
        assertThat(result.out().get(0)).startsWith("INDEX");
        for (int i = 0; i < 20; i++) {
            assertThat(result.out().get(1 + i))
                    .startsWith(String.valueOf(i))
                    .contains(Fleet.defaultFleet().get(i).hostname());
        }
    }

    @Test
    void badOptionExitsWithTwoAndOneLine() throws Exception {
        Result result = java("fleet", "--bogus");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).containsExactly("vibe fleet: unknown option '--bogus' (see 'vibe fleet --help')");
    }

    @Test
    void versionComesFromTheBuild() throws Exception {
        Result result = java("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).containsExactly("vibe " + System.getProperty("vibe.expectedVersion"));
    }

    @Test
    void simulateWritesAnHourOfJsonLinesToAFile() throws Exception {
        Path out = tmp.resolve("hour.jsonl");

        Result result = java("simulate", "--duration", "1h", "--out", out.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEmpty();
        List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(rows).hasSize(720 * 20);
        assertThat(rows.get(0)).isEqualTo("{\"timestamp\":\"2026-01-05T00:00:00Z\",\"server\":\"web-server-01\","
                + "\"environment\":\"onpremise\",\"role\":\"web\",\"status\":\"healthy\",\"cpu_usage\":22.164,"
                + "\"memory_usage\":41.641,\"disk_usage\":23.544,\"network_in\":30.973585,\"network_out\":88.90669,"
                + "\"response_time\":154.62}");
    }

    @Test
    void simulateWritesCsvToStandardOutput() throws Exception {
        Result result = java("simulate", "--duration", "1m", "--format", "csv", "--naming", "prometheus");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).hasSize(1 + 12 * 20);
        assertThat(result.out().get(0))
                .startsWith("timestamp,server,environment,role,status,node_cpu_utilization_ratio");
    }

    @Test
    void simulateBadValueExitsWithTwoAndOneLine() throws Exception {
        Result result = java("simulate", "--duration", "12x");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).singleElement().asString()
                .startsWith("vibe simulate: invalid value for --duration: '12x'");
    }

    /** Starts an endless real-time run, lets it produce a few ticks, stops it as Ctrl-C would and returns its files. */
    private Process startRealtime(Path out, String... options) throws Exception {
        List<String> command = command("simulate", "--realtime", "--speed", "50", "--out", out.toString());
        command.addAll(List.of(options));
        return new ProcessBuilder(command).redirectOutput(tmp.resolve("rt-out.txt").toFile())
                .redirectError(tmp.resolve("rt-err.txt").toFile()).start();
    }

    /** Waits until {@code file} holds at least {@code bytes}; fails after 60 s. */
    private static void awaitSize(Path file, long bytes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file) || Files.size(file) < bytes) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file + " did not reach " + bytes + " bytes within 60 s");
            }
            Thread.sleep(50);
        }
    }

    private static void stop(Process process) throws InterruptedException {
        // SIGTERM on Unix: the JVM runs its shutdown hooks, as on Ctrl-C (SIGINT).
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("vibe simulate --realtime did not stop within 60 s");
        }
    }

    @Test
    void realtimeStopsCleanlyWithCompleteOutputs() throws Exception {
        Path out = tmp.resolve("live.jsonl");
        Path events = tmp.resolve("live-events.jsonl");
        Path labels = tmp.resolve("live-labels.json");
        Process process = startRealtime(out, "--events", events.toString(), "--labels", labels.toString());
        awaitSize(out, 20_000);

        stop(process);

        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).endsWith("}\n");
        List<String> rows = text.lines().toList();
        assertThat(rows.size()).isPositive().isEqualTo(rows.size() / 20 * 20);
        assertThat(rows.get(rows.size() - 1)).contains("\"server\":\"monitoring-elk-01\"");
        assertThat(Files.readString(labels, StandardCharsets.UTF_8)).startsWith("[").endsWith("]\n");
        assertThat(Files.exists(events)).isTrue();
        assertThat(Files.readAllLines(tmp.resolve("rt-err.txt"))).isEmpty();
    }

    @Test
    void realtimeOpenMetricsIsFinishedWhenStopped() throws Exception {
        Path out = tmp.resolve("live.txt");
        Path events = tmp.resolve("live-events.jsonl");
        Process process = startRealtime(out, "--format", "openmetrics", "--events", events.toString());
        // OpenMetrics comes at close; the events, flushed every tick, show that ticks are running (the first log is
        // at 00:00:20), however long the JVM takes to start on a busy machine.
        awaitSize(events, 1);

        stop(process);

        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).startsWith("# TYPE cpu_usage gauge\n").endsWith("\n# EOF\n");
        assertThat(Files.readAllLines(tmp.resolve("rt-err.txt"))).isEmpty();
    }

    @Test
    void scenarioCheckReportsProblemsLikeACompiler() throws Exception {
        Path file = tmp.resolve("outage.scenarios");
        Files.writeString(file, "scenario outage {\n  title \"디스크\"\n  at 0s on db-primary-01 set cpu 95\n}\n",
                StandardCharsets.UTF_8);

        Result result = java("scenario", "check", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).containsExactly(
                file + ":3:30: error: unknown metric 'cpu' — did you mean 'cpu_usage'?",
                "  at 0s on db-primary-01 set cpu 95",
                "                             ^~~",
                "1 error in 1 file");
    }

    @Test
    void scenarioPrintWritesTheBuiltInScenarios() throws Exception {
        Path file = tmp.resolve("builtin.scenarios");
        try (var in = io.openmanager.vibe.sim.scenario.BuiltInScenarios.class
                .getResourceAsStream("builtin.scenarios")) {
            Files.write(file, in.readAllBytes());
        }

        Result result = java("scenario", "print", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("scenario disk-full-cascade {",
                "  title \"디스크 용량 부족 연쇄 장애 (disk-full cascade)\"");
    }

    @Test
    void demoStoppedEarlyStillPrintsTheSummarySoFar() throws Exception {
        Path out = tmp.resolve("demo-out.txt");
        Process process = new ProcessBuilder(command("demo")).redirectOutput(out.toFile())
                .redirectError(tmp.resolve("demo-err.txt").toFile()).start();
        awaitSize(out, 200);

        stop(process);

        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).contains("2026-01-05 00:00:00  healthy").contains("Incidents (ground truth):")
                .contains("Fleet health: mean score");
    }
}
