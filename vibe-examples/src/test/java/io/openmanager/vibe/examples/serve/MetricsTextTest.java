package io.openmanager.vibe.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.analytics.pipeline.AnalyticsPipeline;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.export.OpenMetricsSeries;
import io.openmanager.vibe.sim.scenario.BuiltInScenarios;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.sim.scenario.Trigger;
import io.openmanager.vibe.spi.VibeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

class MetricsTextTest {
    // name{labels} value: the sample lines of both formats, without timestamps.
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\"\\\\n])*\",?)*})? "
                    + "-?[0-9.]+(E-?[0-9]+)?");

    private SimulationEngine engine;
    private EventHub hub;
    private LiveState state;

    @BeforeEach
    void runFiveMinutes() {
        List<Scenario> scenarios = new ArrayList<>(BuiltInScenarios.all());
        scenarios.add(Scenario.builder("drill").trigger(Trigger.manual()).duration(Duration.ofMinutes(30))
                .at(Duration.ZERO).on("db-primary-01").set("cpu_usage", 99).build());
        engine = SimulationEngine.builder().scenarios(scenarios).build();
        engine.fire("drill", engine.instantOf(10));
        hub = new EventHub(100, TimeUnit.SECONDS.toNanos(10));
        List<VibeListener> downstream = new ArrayList<>();
        AnalyticsPipeline pipeline = AnalyticsPipeline.builder(e -> downstream.forEach(l -> l.onEvent(e))).build();
        state = new LiveState(engine, pipeline, hub, Duration.ofHours(1));
        downstream.add(state);
        engine.run(0, 60, event -> {
            pipeline.onEvent(event);
            state.onEvent(event);
        });
    }

    @AfterEach
    void close() {
        hub.close();
    }

    private String render(boolean openMetrics) {
        return MetricsText.render(state.snapshot(), OpenMetricsSeries.of(MetricSet.standard(),
                NamingConvention.PROMETHEUS), engine.scenarios(), hub, openMetrics);
    }

    @Test
    void openMetricsHasUnitsCountersAndEof() {
        String text = render(true);

        assertThat(text).startsWith("# TYPE node_cpu_utilization_ratio gauge\n# UNIT node_cpu_utilization_ratio ratio\n"
                + "# HELP node_cpu_utilization_ratio CPU utilisation of the host\n"
                + "node_cpu_utilization_ratio{server=\"web-server-01\",environment=\"onpremise\",role=\"web\"} ")
                .contains("# TYPE vibe_prediction_time_to_threshold_seconds gauge\n"
                        + "# UNIT vibe_prediction_time_to_threshold_seconds seconds\n")
                .contains("# TYPE vibe_events_dropped_clients counter\n# HELP vibe_events_dropped_clients Clients of "
                        + "/events dropped for reading too slowly\nvibe_events_dropped_clients_total 0\n")
                .contains("vibe_incident_active{scenario=\"drill\"} 1\n")
                .contains("vibe_incident_active{scenario=\"disk-full-cascade\"} 0\n")
                .contains("vibe_simulation_tick 59\n")
                .contains("vibe_simulation_time_seconds 1767571495\n")
                .endsWith("# EOF\n");
        assertThat(text.lines().filter(line -> line.startsWith("vibe_anomaly_score{"))).hasSize(120);
        text.lines().filter(line -> !line.startsWith("#")).forEach(line -> assertThat(line).matches(SAMPLE));
    }

    @Test
    void theTextFormatHasNoUnitsNorEofAndNamesCountersWithTotal() {
        String text = render(false);

        assertThat(text).doesNotContain("# UNIT").doesNotContain("# EOF")
                .contains("# TYPE vibe_events_dropped_clients_total counter\n");
        text.lines().filter(line -> !line.startsWith("#")).forEach(line -> assertThat(line).matches(SAMPLE));
    }

    @Test
    void valuesAreTheEnginesRounded() {
        OpenMetricsSeries series = OpenMetricsSeries.of(MetricSet.standard(), NamingConvention.PROMETHEUS);
        String text = render(true);

        int server = engine.fleet().indexOfHostname("api-gateway-01");
        double expected = series.value(engine.frameAt(59), server, MetricSet.MEMORY);
        assertThat(text).contains("node_memory_utilization_ratio{server=\"api-gateway-01\",environment=\"kubernetes\","
                + "role=\"gateway\"} " + expected + "\n");
        assertThat(MetricsText.wantsOpenMetrics("application/openmetrics-text;version=1.0.0,text/plain;q=0.5"))
                .isTrue();
        assertThat(MetricsText.wantsOpenMetrics("text/plain")).isFalse();
        assertThat(MetricsText.wantsOpenMetrics(null)).isFalse();
    }
}
