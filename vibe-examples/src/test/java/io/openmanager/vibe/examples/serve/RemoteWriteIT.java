package io.openmanager.vibe.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.prometheus.RemoteWriteListener;
import io.openmanager.vibe.prometheus.RemoteWriteStats;
import io.openmanager.vibe.sim.SimulationEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus with its remote-write receiver takes a simulated hour from {@link RemoteWriteListener}, sample for
 * sample, even though it restarts in the middle; {@code vibe simulate --remote-write} sends and reports, and a
 * Prometheus without the receiver gives a clear error.
 */
class RemoteWriteIT {
    private static final Instant START = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
    private static final SimulationEngine ENGINE = SimulationEngine.builder().start(START).build();
    private static final long HOUR = ENGINE.ticksIn(Duration.ofHours(1));

    @TempDir
    Path tmp;

    @Test
    void anHourArrivesSampleForSampleAcrossAReceiverRestart() throws Exception {
        Tools.require("prometheus", "prometheus");
        try (PrometheusServer prometheus = new PrometheusServer(tmp, "global: {}\n",
                "--web.enable-remote-write-receiver")) {
            RemoteWriteListener remote = RemoteWriteListener.builder(prometheus.uri("/api/v1/write"))
                    .bufferSamples(5_000).maxSamplesPerRequest(500).linger(Duration.ofMillis(50))
                    .backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).build();
            Thread producer = new Thread(() -> ENGINE.batch().ticks(0, HOUR).framesOnly().listener(remote).run());
            producer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (remote.stats().sent() < 10_000 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            prometheus.stop();
            long sentWhileStopping = remote.stats().sent();
            Thread.sleep(2_000); // the receiver is away: the listener retries, the producer waits for room
            assertThat(remote.stats().sent()).isEqualTo(sentWhileStopping);
            prometheus.start();
            producer.join(120_000);
            remote.close();
            RemoteWriteStats stats = remote.stats();

            assertThat(sentWhileStopping).as("stopped in the middle").isBetween(10_000L, 80_000L);
            assertThat(stats.retries()).as(stats.describe()).isPositive();
            assertThat(stats.dropped() + stats.rejected()).as(stats.describe()).isZero();
            assertThat(stats.sent()).isEqualTo(HOUR * 20 * 6);
            Map<String, TreeMap<Long, Double>> stored = prometheus.samples("{__name__=~\"node_.+|http_.+\"}",
                    Duration.ofMinutes(61), START.plus(Duration.ofHours(1)));
            assertThat(stored).isEqualTo(ExpectedSeries.of(ENGINE, NamingConvention.PROMETHEUS, 0, HOUR));
        }
    }

    @Test
    void simulateSendsToTheReceiverAndSaysWhatItSent() throws Exception {
        Tools.require("prometheus", "prometheus");
        try (PrometheusServer prometheus = new PrometheusServer(tmp, "global: {}\n",
                "--web.enable-remote-write-receiver")) {
            Result result = run("simulate", "--start", START.toString(), "--duration", "10m", "--naming", "otel",
                    "--remote-write", prometheus.uri("/api/v1/write").toString());

            assertThat(result.exitCode).as(result.err.toString()).isZero();
            assertThat(result.out).isEmpty();
            assertThat(result.err).containsExactly("remote write to " + prometheus.uri("/api/v1/write")
                    + ": 14400 samples sent in 8 requests, 0 retries, 0 dropped, 0 rejected");
            Map<String, TreeMap<Long, Double>> stored = prometheus.samples("{__name__=~\"system_.+|http_.+\"}",
                    Duration.ofMinutes(11), START.plus(Duration.ofMinutes(10)));
            assertThat(stored).isEqualTo(ExpectedSeries.of(ENGINE, NamingConvention.OPENTELEMETRY, 0, 120));
        }
    }

    @Test
    void aPrometheusWithoutTheReceiverGivesAClearError() throws Exception {
        Tools.require("prometheus", "prometheus");
        try (PrometheusServer prometheus = new PrometheusServer(tmp, "global: {}\n")) {
            Result result = run("simulate", "--duration", "1m", "--remote-write",
                    prometheus.uri("/api/v1/write").toString());

            assertThat(result.exitCode).isEqualTo(1);
            // Prometheus' own words name the flag (its wording changed between versions).
            assertThat(result.err).anyMatch(line -> line.startsWith("vibe simulate: remote write to "
                    + prometheus.uri("/api/v1/write") + " refused: HTTP 404 Not Found: remote write receiver needs "
                    + "to be enabled with "));
        }
    }

    private record Result(int exitCode, List<String> out, List<String> err) {
    }

    private Result run(String... args) throws Exception {
        File out = tmp.resolve("out.txt").toFile();
        File err = tmp.resolve("err.txt").toFile();
        Process process = new ProcessBuilder(Tools.vibe(args)).redirectOutput(out).redirectError(err).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readAllLines(out.toPath(), StandardCharsets.UTF_8),
                Files.readAllLines(err.toPath(), StandardCharsets.UTF_8));
    }
}
