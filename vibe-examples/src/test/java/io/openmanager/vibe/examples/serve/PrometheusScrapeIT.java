package io.openmanager.vibe.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.export.OpenMetricsSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** A real Prometheus scrapes {@code vibe serve}; its query API returns exactly the engine's values. */
class PrometheusScrapeIT {
    private static final SimulationEngine ENGINE = SimulationEngine.builder().build();

    @TempDir
    Path tmp;

    @Test
    void prometheusHoldsExactlyTheEnginesValuesOfTheScrapedTicks() throws Exception {
        Tools.require("prometheus", "prometheus");
        Path promtool = Tools.require("promtool", "prometheus");
        try (VibeServe serve = new VibeServe(tmp, "--speed", "20");
             PrometheusServer prometheus = new PrometheusServer(tmp, "global:\n  scrape_interval: 1s\n"
                     + "  scrape_timeout: 1s\nscrape_configs:\n  - job_name: vibe\n    static_configs:\n"
                     + "      - targets: ['127.0.0.1:" + serve.base().getPort() + "']\n")) {
            Map<Long, Double> ticks = awaitScrapes(prometheus, 8);

            OpenMetricsSeries series = OpenMetricsSeries.of(MetricSet.standard(), NamingConvention.PROMETHEUS);
            String[] hosts = {"db-primary-01", "web-server-01", "storage-nfs-01"};
            int[] metrics = {MetricSet.CPU, MetricSet.RESPONSE_TIME, MetricSet.NETWORK_IN};
            Instant at = Instant.ofEpochMilli(ticks.keySet().stream().mapToLong(Long::longValue).max().orElseThrow());
            Map<Long, FleetFrame> frames = new TreeMap<>();
            int compared = 0;
            for (int i = 0; i < hosts.length; i++) {
                int server = ENGINE.fleet().indexOfHostname(hosts[i]);
                String selector = series.familyName(metrics[i]) + "{server=\"" + hosts[i] + "\"}";
                TreeMap<Long, Double> scraped = prometheus.samples(selector, Duration.ofMinutes(5), at).values()
                        .iterator().next();
                for (Map.Entry<Long, Double> tick : ticks.entrySet()) {
                    long k = tick.getValue().longValue();
                    double expected = series.value(frames.computeIfAbsent(k, ENGINE::frameAt), server, metrics[i]);
                    assertThat(scraped.get(tick.getKey())).as(selector + " at tick " + k).isEqualTo(expected);
                    compared++;
                }
            }
            assertThat(compared).isGreaterThanOrEqualTo(3 * 8);
            assertThat(prometheus.query("count(vibe_anomaly_score)", at).path("result").get(0).path("value")
                    .get(1).asText()).isEqualTo("120");
            assertThat(prometheus.query("count(vibe_incident_active)", at).path("result").get(0).path("value")
                    .get(1).asText()).isEqualTo(String.valueOf(ENGINE.scenarios().size()));

            // The text format passes promtool's own check (format and naming lint).
            String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(serve.uri("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Path file = Files.writeString(tmp.resolve("metrics.txt"), text);
            Process check = new ProcessBuilder(promtool.toString(), "check", "metrics")
                    .redirectInput(file.toFile()).redirectErrorStream(true).start();
            String said = new String(check.getInputStream().readAllBytes());
            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as(said).isZero();
        }
    }

    /** Waits until Prometheus holds at least n scrapes; returns scrape time (ms) to the tick scraped. */
    private static Map<Long, Double> awaitScrapes(PrometheusServer prometheus, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Map<String, TreeMap<Long, Double>> ticks = prometheus.samples("vibe_simulation_tick",
                    Duration.ofMinutes(5), Instant.now());
            if (!ticks.isEmpty() && ticks.values().iterator().next().size() >= n) {
                return ticks.values().iterator().next();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Prometheus did not scrape vibe serve " + n + " times within 60 s: "
                + prometheus.log());
    }
}
