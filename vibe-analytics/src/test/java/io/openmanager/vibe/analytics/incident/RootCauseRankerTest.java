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

    /** 120 samples of small deterministic noise around {@code level} with a step of {@code height} at {@code at}. */
    private static double[] step(double level, int at, double height, int salt) {
        double[] values = new double[120];
        for (int i = 0; i < values.length; i++) {
            values[i] = level + 0.3 * Math.sin(i * 1.7 + salt * 2.3) + (i >= at ? height : 0);
        }
        return values;
    }

    private static SeriesValues series(Map<String, double[]> byKey) {
        return (server, metric) -> byKey.getOrDefault(server + "/" + metric, new double[0]);
    }

    @Test
    void anIsolatedEarlierAnomalyYieldsToTheServersThatMovedTogether() {
        // An unrelated disk anomaly 3 minutes before a memory leak that spills from api into cache. Samples are 5 s
        // and the window starts 2 minutes before the first anomaly (sample 24).
        DetectedIncident incident = incident(anomaly(0, "other", "disk_usage", 0.8),
                anomaly(180, "api", "memory_usage", 0.8), anomaly(185, "cache", "memory_usage", 0.8));
        SeriesValues values = series(Map.of(
                "other/disk_usage", step(40, 24, 8, 1),
                "api/memory_usage", step(50, 60, 38, 2),
                "cache/memory_usage", step(70, 61, 22, 3)));
        RootCauseRanker ranker = RootCauseRanker.onsetOnly();
        assertThat(order(ranker, incident)).containsExactly("other", "api", "cache");

        List<RootCauseCandidate> ranked = ranker.rank(incident, values);
        assertThat(ranked).extracting(RootCauseCandidate::serverId).containsExactly("api", "cache", "other");
        assertThat(ranked.get(0).score()).isEqualTo(1.0);
        assertThat(ranked.get(0).evidence()).anySatisfy(e -> assertThat(e)
                .startsWith("leads cache by 1 sample (memory_usage / memory_usage, r "));
        assertThat(ranked.get(1).evidence()).anySatisfy(e -> assertThat(e).startsWith("follows api by 1 sample "));
        assertThat(ranked.get(2).score()).isEqualTo(0.5);
        assertThat(ranked.get(2).evidence()).contains(
                "isolated: its changes do not follow or lead any other server's within 12 samples");
    }

    @Test
    void atEqualOnsetTheServerThatLeadsRanksFirst() {
        DetectedIncident incident = incident(anomaly(0, "a", "cpu_usage", 0.8), anomaly(0, "b", "cpu_usage", 0.8));
        SeriesValues values = series(Map.of("a/cpu_usage", step(20, 42, 50, 1), "b/cpu_usage", step(20, 40, 60, 2)));
        assertThat(order(RootCauseRanker.onsetOnly(), incident)).containsExactly("a", "b");
        List<RootCauseCandidate> ranked = RootCauseRanker.onsetOnly().rank(incident, values);
        assertThat(ranked).extracting(RootCauseCandidate::serverId).containsExactly("b", "a");
        assertThat(ranked.get(0).evidence()).anySatisfy(e -> assertThat(e).startsWith("leads a by 2 samples"));
        // Beyond the largest lag the two are not linked, and the ranking is that of onsets alone.
        assertThat(RootCauseRanker.builder().leadLag(1, 0.5).build().rank(incident, values))
                .extracting(RootCauseCandidate::serverId).containsExactly("a", "b");
    }

    @Test
    void withoutLinksOrValuesTheRankingIsThatOfOnsetsAndDependencies() {
        DetectedIncident incident = incident(anomaly(0, "web", "response_time", 0.9),
                anomaly(10, "db", "response_time", 0.7), anomaly(10, "db", "disk_usage", 0.7));
        RootCauseRanker ranker = RootCauseRanker.builder().dependencies(WEB_ON_DB).build();
        List<RootCauseCandidate> plain = ranker.rank(incident);
        assertThat(ranker.rank(incident, (server, metric) -> new double[0])).isEqualTo(plain);
        // Steps far apart: nothing is linked, so nothing is isolated either.
        SeriesValues apart = series(Map.of("web/response_time", step(100, 20, 5000, 1),
                "db/response_time", step(50, 90, 3000, 2), "db/disk_usage", step(40, 90, 50, 3)));
        assertThat(ranker.rank(incident, apart)).isEqualTo(plain);
    }

    @Test
    void missingValuesAreCarriedForwardAndLengthsMustAgree() {
        DetectedIncident incident = incident(anomaly(0, "a", "cpu_usage", 0.8), anomaly(0, "b", "cpu_usage", 0.8));
        double[] a = step(20, 42, 50, 1);
        a[0] = Double.NaN;
        a[70] = Double.NaN;
        double[] b = step(20, 40, 60, 2);
        assertThat(RootCauseRanker.onsetOnly().rank(incident, series(Map.of("a/cpu_usage", a, "b/cpu_usage", b))))
                .extracting(RootCauseCandidate::serverId).containsExactly("b", "a");
        SeriesValues uneven = series(Map.of("a/cpu_usage", new double[10], "b/cpu_usage", new double[11]));
        assertThatThrownBy(() -> RootCauseRanker.onsetOnly().rank(incident, uneven))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("values of b/cpu_usage have 11 samples, other series 10");
        assertThatThrownBy(() -> RootCauseRanker.builder().leadLag(-1, 0.5)).hasMessage("maxLag must be >= 0: -1");
        assertThatThrownBy(() -> RootCauseRanker.builder().leadLag(3, 0))
                .hasMessage("minCorrelation must be in (0, 1]: 0.0");
    }

    @Test
    void badArgumentsAreRefusedWithClearMessages() {
        assertThatThrownBy(() -> RootCauseRanker.builder().dependencies(Map.of("a", List.of("a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot depend on itself");
        assertThatThrownBy(() -> RootCauseRanker.builder().tolerance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tolerance must be at least 1 ms: PT-1S");
        assertThatThrownBy(() -> RootCauseRanker.builder().tolerance(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tolerance must be at least 1 ms: PT0S");
        assertThatThrownBy(() -> RootCauseRanker.builder().tolerance(Duration.ofNanos(999_999)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tolerance must be at least 1 ms: PT0.000999999S");
        assertThat(RootCauseRanker.builder().tolerance(Duration.ofMillis(1)).build()).isNotNull();
        assertThatThrownBy(() -> RootCauseRanker.onsetOnly().rank(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("incident");
    }
}
