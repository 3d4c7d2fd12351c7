package io.openmanager.vibe.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.sim.SimulationEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The backfill recipe of docs/serve.md, run as written: {@code vibe simulate --format openmetrics} into a file,
 * {@code promtool tsdb create-blocks-from openmetrics} into Prometheus' data directory, a real Prometheus on it.
 */
class BackfillIT {
    private static final Instant START = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);

    @TempDir
    Path tmp;

    @Test
    void promtoolsBlocksAnswerWithTheEnginesValues() throws Exception {
        Tools.require("prometheus", "prometheus");
        Path promtool = Tools.require("promtool", "prometheus");
        Path hour = tmp.resolve("hour.om");
        Process simulate = new ProcessBuilder(Tools.vibe("simulate", "--start", START.toString(), "--duration", "1h",
                "--naming", "prometheus", "--format", "openmetrics", "--out", hour.toString()))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("simulate.log").toFile()).start();
        assertThat(simulate.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(simulate.exitValue()).as(Files.readString(tmp.resolve("simulate.log"))).isZero();
        Process blocks = new ProcessBuilder(promtool.toString(), "tsdb", "create-blocks-from", "openmetrics",
                hour.toString(), tmp.resolve("data").toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("promtool.log").toFile()).start();
        assertThat(blocks.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(blocks.exitValue()).as(Files.readString(tmp.resolve("promtool.log"))).isZero();

        try (PrometheusServer prometheus = new PrometheusServer(tmp, "global: {}\n")) {
            Map<String, TreeMap<Long, Double>> stored = prometheus.samples("{__name__=~\"node_.+|http_.+\"}",
                    Duration.ofMinutes(61), START.plus(Duration.ofHours(1)));

            SimulationEngine engine = SimulationEngine.builder().start(START).build();
            assertThat(stored).hasSize(120)
                    .isEqualTo(ExpectedSeries.of(engine, NamingConvention.PROMETHEUS, 0, engine.ticksIn(
                            Duration.ofHours(1))));
        }
    }
}
