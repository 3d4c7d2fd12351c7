package io.openmanager.vibe.analytics.incident;

import static io.openmanager.vibe.analytics.incident.IncidentGrouperTest.anomaly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmanager.vibe.spi.event.AnomalyEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

class RootCauseRankerTest {
    private static final Map<String, List<String>> WEB_ON_DB = Map.of("web", List.of("db", "cache"));

    private static DetectedIncident incident(AnomalyEvent... anomalies) {
        List<DetectedIncident> out = new ArrayList<>();
        IncidentGrouper grouper = new IncidentGrouper(out::add);
        for (AnomalyEvent a : anomalies) {
            grouper.add(a);
        }
        grouper.flush();
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static List<String> order(RootCauseRanker ranker, DetectedIncident incident) {
        return ranker.rank(incident).stream().map(RootCauseCandidate::serverId).toList();
    }

    @Test
    void earliestOnsetRanksFirstWithoutDependencies() {
        DetectedIncident incident = incident(anomaly(0, "storage", "network_in", 0.8),
                anomaly(10, "backup", "response_time", 0.9), anomaly(60, "zeta", "cpu_usage", 0.9));
        List<RootCauseCandidate> ranked = RootCauseRanker.onsetOnly().rank(incident);
        assertThat(ranked).extracting(RootCauseCandidate::serverId).containsExactly("storage", "backup", "zeta");
        assertThat(ranked.get(0).score()).isEqualTo(1.0);
        assertThat(ranked.get(2).score()).isEqualTo(0.5); // one tolerance (1 minute) late
        assertThat(ranked.get(0).evidence().get(0)).startsWith("earliest onset");
    }

    @Test
    void tiesAreBrokenByIdDeterministically() {
        DetectedIncident incident = incident(anomaly(0, "b", "cpu_usage", 0.8), anomaly(0, "a", "cpu_usage", 0.8));
        assertThat(order(RootCauseRanker.onsetOnly(), incident)).containsExactly("a", "b");
    }

    @Test
    void anAnomalousUpstreamOutranksItsDependentWhenOnsetsAreClose() {
        // The web tier's latency is seen 10 s before the database's: the database still explains it.
        DetectedIncident incident = incident(anomaly(0, "web", "response_time", 0.9),
                anomaly(10, "db", "response_time", 0.7), anomaly(10, "db", "disk_usage", 0.7));
        RootCauseRanker ranker = RootCauseRanker.builder().dependencies(WEB_ON_DB).build();
        List<RootCauseCandidate> ranked = ranker.rank(incident);
        assertThat(ranked).extracting(RootCauseCandidate::serverId).containsExactly("db", "web");
        assertThat(ranked.get(0).evidence()).contains("upstream of anomalous web");
        assertThat(ranked.get(1).evidence()).contains("depends on anomalous db (onset 10 s later)");
        assertThat(order(RootCauseRanker.onsetOnly(), incident)).containsExactly("web", "db");
    }

    @Test
    void aDependentFarAheadOfItsUpstreamKeepsItsRank() {
        DetectedIncident incident = incident(anomaly(0, "web", "response_time", 0.9),
                anomaly(240, "db", "cpu_usage", 0.7));
        RootCauseRanker ranker = RootCauseRanker.builder().dependencies(WEB_ON_DB).build();
        assertThat(order(ranker, incident)).containsExactly("web", "db");
    }

    @Test
    void aDependentsOwnEarlierSymptomIsNotBlamedOnItsUpstream() {
        // A retry storm: the web server's CPU goes first, then its latency and the database's load follow.
        DetectedIncident incident = incident(anomaly(0, "web", "cpu_usage", 0.9),
                anomaly(5, "web", "response_time", 0.6), anomaly(5, "db", "cpu_usage", 0.7));
        RootCauseRanker propagatingLatency = RootCauseRanker.builder().dependencies(WEB_ON_DB)
                .propagating(Set.of("response_time")).build();
        assertThat(order(propagatingLatency, incident)).containsExactly("web", "db");
        // With every metric propagating, the CPU anomaly counts as propagated and the database is blamed.
        assertThat(order(RootCauseRanker.builder().dependencies(WEB_ON_DB).build(), incident))
                .containsExactly("db", "web");
    }

    @Test
    void atEqualOnsetAResourceSymptomRanksBeforeLatencyAlone() {
        DetectedIncident incident = incident(anomaly(0, "backup", "response_time", 0.9),
                anomaly(0, "storage", "network_in", 0.8));
        RootCauseRanker ranker = RootCauseRanker.builder().propagating(Set.of("response_time")).build();
        assertThat(order(ranker, incident)).containsExactly("storage", "backup");
        assertThat(order(RootCauseRanker.onsetOnly(), incident)).containsExactly("backup", "storage");
    }

    @Test
    void badArgumentsAreRefusedWithClearMessages() {
        assertThatThrownBy(() -> RootCauseRanker.builder().dependencies(Map.of("a", List.of("a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot depend on itself");
        assertThatThrownBy(() -> RootCauseRanker.builder().tolerance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerance must be positive");
        assertThatThrownBy(() -> RootCauseRanker.onsetOnly().rank(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("incident");
    }
}
