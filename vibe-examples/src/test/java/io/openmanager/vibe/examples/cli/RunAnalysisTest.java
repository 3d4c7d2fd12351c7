package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.analytics.incident.DetectedIncident;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.alert.Severity;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.RecommendationEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The analysis that {@code vibe demo} and {@code vibe report} share. */
class RunAnalysisTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    private static AnomalyEvent anomaly(String minute, String serverId, String metric, double value) {
        return new AnomalyEvent(T0.plusSeconds(60L * Integer.parseInt(minute)), serverId, metric, value, 10, 0, 20,
                0.9, Severity.CRITICAL, "default", "test");
    }

    @Test
    void mapsTheEnginesDependenciesFromHostnamesToServerIds() {
        SimulationEngine engine = SimulationEngine.builder().seed(1).build();
        Fleet fleet = engine.fleet();

        Map<String, List<String>> byId = RunAnalysis.dependenciesById(engine);

        assertThat(engine.dependencies()).isNotEmpty();
        assertThat(byId).hasSameSizeAs(engine.dependencies());
        engine.dependencies().forEach((host, upstream) -> {
            List<String> ids = new ArrayList<>();
            upstream.forEach(up -> ids.add(fleet.get(fleet.indexOfHostname(up)).id()));
            assertThat(byId.get(fleet.get(fleet.indexOfHostname(host)).id())).as(host).isEqualTo(ids);
        });
    }

    @Test
    void matchesAGroundTruthIncidentWithTheOverlappingDetectedOneThatStartedClosest() {
        SimulationEngine engine = SimulationEngine.builder().seed(1).build();
        String web = engine.fleet().get(0).id();
        String db = engine.fleet().get(1).id();
        List<VibeEvent> recommendations = new ArrayList<>();
        RunAnalysis analysis = new RunAnalysis(engine, Locale.ENGLISH, recommendations::add);
        // Two detected incidents, more than the grouper's 5-minute gap apart: 00:50-00:52 on one server and
        // 01:00-01:02 on two.
        for (AnomalyEvent a : List.of(anomaly("50", web, "cpu_usage", 99), anomaly("52", web, "cpu_usage", 99),
                anomaly("60", db, "cpu_usage", 99), anomaly("61", web, "response_time", 9000),
                anomaly("62", db, "cpu_usage", 99))) {
            analysis.onEvent(a);
        }
        analysis.finish();

        assertThat(analysis.detectedIncidents()).hasSize(2);
        DetectedIncident second = analysis.detectedIncidents().get(1);
        Incident truth = new Incident("i1", "s", "t", engine.fleet().get(1).hostname(),
                Map.of(engine.fleet().get(1).hostname(), List.of("*")), T0.plusSeconds(58 * 60),
                T0.plusSeconds(70 * 60), T0.plusSeconds(75 * 60));
        assertThat(analysis.matching(truth)).isSameAs(second);
        Incident earlier = new Incident("i2", "s", "t", engine.fleet().get(1).hostname(), Map.of(),
                T0.plusSeconds(40 * 60), T0.plusSeconds(55 * 60), T0.plusSeconds(70 * 60));
        assertThat(analysis.matching(earlier)).as("both overlap; the first starts closer").isSameAs(
                analysis.detectedIncidents().get(0));
        Incident later = new Incident("i3", "s", "t", engine.fleet().get(1).hostname(), Map.of(),
                T0.plusSeconds(3 * 3600), T0.plusSeconds(4 * 3600), T0.plusSeconds(5 * 3600));
        assertThat(analysis.matching(later)).isNull();
        // Anomalies at critical levels recommend, and the cascade's root cause gets an incident recommendation.
        assertThat(recommendations).isNotEmpty().allSatisfy(e -> assertThat(e).isInstanceOf(RecommendationEvent.class));
        assertThat(recommendations).map(e -> ((RecommendationEvent) e).reason())
                .anyMatch(reason -> reason.contains("likeliest root cause of " + second.id()));
    }
}
