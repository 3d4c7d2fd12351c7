package io.openmanager.vibe.examples.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.Metric;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.sim.SimulationEngine;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

class PrometheusScrapeExampleTest {
    private static final SimulationEngine ENGINE = SimulationEngine.builder().seed(42).build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Series line to value: {@code name{labels}} to the number after it. */
    private static Map<String, Double> series(String page) {
        Map<String, Double> series = new HashMap<>();
        for (String line : page.split("\n")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return series;
    }

    private static String key(String name, Server server) {
        // Prometheus writes labels in alphabetical order.
        return name + "{environment=\"" + server.environment().externalName() + "\",role=\""
                + server.role().externalName() + "\",server=\"" + server.hostname() + "\"}";
    }

    @Test
    void servesTheLatestFrameOverHttp() throws Exception {
        // 5 s ticks at a million times real time: 200 ticks in about a millisecond of pacing.
        try (PrometheusScrapeExample example = PrometheusScrapeExample.start(ENGINE, NamingConvention.PROMETHEUS,
                0, 1_000_000, 200)) {
            assertThat(example.scrapeUri().getPort()).isPositive();
            assertThat(example.awaitSimulation(Duration.ofSeconds(30))).isTrue();

            HttpResponse<String> response = get(example.scrapeUri());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains(PrometheusScrapeExample.CONTENT_TYPE);
            assertThat(response.body()).contains("# TYPE node_cpu_utilization_ratio gauge",
                    "# TYPE node_network_receive_bytes_per_second gauge",
                    "# TYPE http_server_request_duration_seconds gauge");
            Map<String, Double> series = series(response.body());
            FleetFrame last = ENGINE.frameAt(199);
            assertThat(example.binder().latestTick()).isEqualTo(199);
            for (int s = 0; s < ENGINE.fleet().size(); s++) {
                Server server = ENGINE.fleet().get(s);
                for (int m = 0; m < MetricSet.standard().size(); m++) {
                    Metric metric = MetricSet.standard().get(m);
                    String key = key(metric.prometheus().name(), server);
                    assertThat(series).as(key).containsKey(key);
                    assertThat(series.get(key)).as(key).isCloseTo(
                            metric.toConvention(NamingConvention.PROMETHEUS, last.value(s, m)),
                            org.assertj.core.data.Percentage.withPercentage(1e-9));
                }
            }
        }
    }

    @Test
    void servesWhileTheSimulationRuns() throws Exception {
        try (PrometheusScrapeExample example = PrometheusScrapeExample.start(ENGINE, NamingConvention.PROMETHEUS,
                0, 60, 0)) {
            HttpResponse<String> response = get(example.scrapeUri());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("node_memory_utilization_ratio{environment=\"onpremise\","
                    + "role=\"database\",server=\"db-primary-01\"}");
            assertThat(get(example.scrapeUri().resolve("/other")).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void closeWakesTheDriverFromItsWaitForTheNextTick() throws Exception {
        // At speed 1 the driver waits a whole 5 s step after the first tick.
        PrometheusScrapeExample example = PrometheusScrapeExample.start(ENGINE, NamingConvention.PROMETHEUS, 0, 1, 0);
        assertThat(get(example.scrapeUri()).statusCode()).isEqualTo(200);
        Thread.sleep(200);

        long started = System.nanoTime();
        example.close();
        long closeMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(closeMillis).as("close() took %d ms", closeMillis).isLessThan(2_000);
        assertThat(example.awaitSimulation(Duration.ZERO)).isTrue();
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> PrometheusScrapeExample.start(ENGINE, NamingConvention.PROMETHEUS, 70_000, 1, 0))
                .hasMessage("port must be in 0..65535: 70000");
        assertThatThrownBy(() -> PrometheusScrapeExample.start(ENGINE, NamingConvention.PROMETHEUS, 0, 0, 0))
                .hasMessage("speed must be positive and finite: 0.0");
        assertThatThrownBy(() -> PrometheusScrapeExample.start(ENGINE, NamingConvention.PROMETHEUS, 0, 1, -1))
                .hasMessage("ticks must be >= 0 (0 = no limit): -1");
    }
}
