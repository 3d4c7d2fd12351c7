package io.openmanager.vibe.analytics.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmanager.vibe.analytics.incident.DetectedIncident;
import io.openmanager.vibe.analytics.incident.IncidentGrouper;
import io.openmanager.vibe.analytics.incident.RootCauseCandidate;
import io.openmanager.vibe.analytics.incident.RootCauseRanker;
import io.openmanager.vibe.core.Environment;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Role;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.alert.Severity;
import io.openmanager.vibe.core.frame.MutableFleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.PredictionEvent;
import io.openmanager.vibe.spi.event.RecommendationEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

class RecommenderTest {
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    static final Fleet FLEET = Fleet.of(Server.of("web", Environment.ONPREMISE, Role.WEB),
            Server.of("db", Environment.ONPREMISE, Role.DATABASE),
            Server.of("storage", Environment.ONPREMISE, Role.STORAGE));

    static AnomalyEvent anomaly(long seconds, String server, String metric, double value) {
        return new AnomalyEvent(T0.plusSeconds(seconds), server, metric, value, Double.NaN, Double.NaN, Double.NaN, 0.9,
                Severity.CRITICAL, "default", "");
    }

    static PredictionEvent prediction(long seconds, String server, String metric, double level, Duration eta,
                                      double probability) {
        Instant at = T0.plusSeconds(seconds);
        Instant expected = at.plus(eta);
        return new PredictionEvent(at, server, metric, level, expected, expected.minus(Duration.ofMinutes(10)),
                expected.plus(Duration.ofMinutes(20)), probability);
    }

    static Recommender english() {
        return Recommender.builder().fleet(FLEET).build();
    }

    static Recommendation only(List<Recommendation> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    @ParameterizedTest(name = "{1} on {0} -> {3}")
    @CsvSource({
            "db,      disk_usage,    96,   DISK_FILLING,       CRITICAL",
            "web,     memory_usage,  88,   MEMORY_GROWTH,      WARNING",
            "web,     cpu_usage,     91,   CPU_SATURATION,     CRITICAL",
            "db,      response_time, 5000, SLOW_DATABASE,      CRITICAL",
            "web,     response_time, 2500, SLOW_RESPONSE,      WARNING",
            "storage, network_in,    950,  NETWORK_CONGESTION, WARNING",
            "storage, network_out,   950,  NETWORK_CONGESTION, WARNING"})
    void eachMetricHasItsRuleAndTheValueSetsTheSeverity(String server, String metric, double value, Rule rule,
                                                         Severity severity) {
        Recommendation r = only(english().onAnomaly(anomaly(0, server, metric, value)));
        assertThat(r.rule()).isEqualTo(rule);
        assertThat(r.severity()).isEqualTo(severity);
        assertThat(r.evidence()).isEqualTo(Evidence.ANOMALY);
        assertThat(r.serverId()).isEqualTo(server);
        assertThat(r.metric()).isEqualTo(metric);
        assertThat(r.eta()).isEmpty();
        assertThat(r.action()).contains(server);
        assertThat(r.reason()).startsWith(metric + " on " + server + " is anomalous: ");
    }

    @Test
    void actionsAndEvidenceReadAsSentencesInEnglish() {
        Recommender recommender = english();
        Recommendation disk = only(recommender.onAnomaly(anomaly(0, "db", "disk_usage", 96)));
        assertThat(disk.action()).isEqualTo("Rotate or clean up the logs on db and expand its volume.");
        assertThat(disk.reason()).isEqualTo("disk_usage on db is anomalous: 96.0 % at 2026-01-05T10:00:00Z "
                + "(score 0.90, detector default).");
        Recommendation slow = only(recommender.onAnomaly(anomaly(0, "db", "response_time", 5000)));
        assertThat(slow.action()).isEqualTo("Check the slow queries and the connection pool of db.");
        assertThat(slow.reason()).contains("5000 ms");
        assertThat(only(recommender.onAnomaly(anomaly(0, "web", "memory_usage", 90))).action())
                .isEqualTo("Take a heap dump on web to find the leak, then restart the process.");
        assertThat(only(recommender.onAnomaly(anomaly(0, "web", "cpu_usage", 95))).action())
                .isEqualTo("Find the hot process on web and scale out.");
        assertThat(only(recommender.onAnomaly(anomaly(0, "storage", "network_in", 950))).action())
                .isEqualTo("Check the network link and throttling of storage and find the source of the traffic.");
        assertThat(only(recommender.onAnomaly(anomaly(0, "web", "response_time", 8000))).action())
                .isEqualTo("Check the upstream dependencies and the error logs of web.");
    }

    @Test
    void koreanMessagesComeFromTheKoreanCatalogue() {
        Recommender recommender = Recommender.builder().fleet(FLEET).locale(Locale.KOREAN).build();
        assertThat(recommender.locale()).isEqualTo(Locale.KOREAN);
        Recommendation disk = only(recommender.onAnomaly(anomaly(0, "db", "disk_usage", 96)));
        assertThat(disk.action()).isEqualTo("db의 로그를 로테이션하거나 정리하고 볼륨을 확장하세요.");
        assertThat(disk.reason()).isEqualTo("db의 disk_usage 값이 비정상입니다: 2026-01-05T10:00:00Z에 96.0 % "
                + "(점수 0.90, 탐지기 default).");
        Recommendation leak = only(recommender.onPrediction(prediction(0, "web", "memory_usage", 95,
                Duration.ofMinutes(150), 0.9)));
        assertThat(leak.action()).isEqualTo("web에서 힙 덤프를 떠서 누수를 찾은 뒤 프로세스를 재시작하세요.");
        assertThat(leak.reason()).isEqualTo("web의 memory_usage 값이 2시간 30분 후 95.0 %에 도달할 것으로 예측됩니다 "
                + "(2026-01-05T12:20:00Z~2026-01-05T12:50:00Z 사이, 확률 0.90, 2026-01-05T10:00:00Z에 예측).");
        assertThat(only(recommender.onAnomaly(anomaly(0, "db", "response_time", 5000))).action())
                .isEqualTo("db의 느린 쿼리와 커넥션 풀을 점검하세요.");
        // A Korean locale with a country still picks the Korean catalogue.
        assertThat(Recommender.builder().locale(Locale.KOREA).build().locale()).isEqualTo(Locale.KOREAN);
    }

    @Test
    void theJvmDefaultLocaleNeverLeaksIn() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.KOREA);
            Recommendation r = only(Recommender.builder().build().onAnomaly(anomaly(0, "db", "disk_usage", 96)));
            assertThat(r.action()).startsWith("Rotate");
            Recommendation fr = only(Recommender.builder().locale(Locale.FRENCH).build()
                    .onAnomaly(anomaly(0, "db", "disk_usage", 96)));
            assertThat(fr.action()).startsWith("Rotate");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void valuesBelowTheWarningLevelAndUnknownMetricsRecommendNothing() {
        Recommender recommender = english();
        assertThat(recommender.onAnomaly(anomaly(0, "web", "cpu_usage", 3))).isEmpty(); // a drop
        assertThat(recommender.onAnomaly(anomaly(0, "db", "disk_usage", 84.9))).isEmpty();
        assertThat(recommender.onAnomaly(anomaly(0, "web", "queue_depth", 1e6))).isEmpty();
        assertThat(recommender.onPrediction(prediction(0, "web", "queue_depth", 10, Duration.ofMinutes(5), 1)))
                .isEmpty();
    }

    @ParameterizedTest(name = "ETA {0} min -> {1}")
    @CsvSource({"0, CRITICAL", "60, CRITICAL", "61, WARNING", "360, WARNING", "361, INFO", "2000, INFO"})
    void aPredictionsSeverityFollowsItsUrgency(long etaMinutes, Severity severity) {
        Recommendation r = only(english().onPrediction(prediction(0, "db", "disk_usage", 100,
                Duration.ofMinutes(etaMinutes), 0.8)));
        assertThat(r.severity()).isEqualTo(severity);
        assertThat(r.eta()).contains(Duration.ofMinutes(etaMinutes));
        assertThat(r.rule()).isEqualTo(Rule.DISK_FILLING);
        assertThat(r.evidence()).isEqualTo(Evidence.PREDICTION);
    }

    @Test
    void aPredictionNamesItsEtaIntervalAndProbability() {
        Recommendation r = only(english().onPrediction(prediction(0, "db", "disk_usage", 100,
                Duration.ofMinutes(250), 0.87)));
        assertThat(r.reason()).isEqualTo("disk_usage on db is expected to reach 100.0 % in 4 h 10 min (between "
                + "2026-01-05T14:00:00Z and 2026-01-05T14:30:00Z, probability 0.87; predicted at "
                + "2026-01-05T10:00:00Z).");
        Recommendation days = only(english().onPrediction(prediction(0, "db", "disk_usage", 100,
                Duration.ofHours(50), 0.87)));
        assertThat(days.reason()).contains(" in 2 d 2 h ");
        Recommendation minutes = only(english().onPrediction(prediction(0, "db", "disk_usage", 100,
                Duration.ofSeconds(59 * 60 + 59), 0.87)));
        assertThat(minutes.reason()).contains(" in 59 min ");
    }

    @Test
    void unlikelyPredictionsAreIgnoredAndTheUrgencyIsConfigurable() {
        assertThat(english().onPrediction(prediction(0, "db", "disk_usage", 100, Duration.ofMinutes(5), 0.49)))
                .isEmpty();
        Recommender strict = Recommender.builder().minProbability(0.9)
                .urgency(Duration.ofMinutes(10), Duration.ofMinutes(30)).build();
        assertThat(strict.onPrediction(prediction(0, "db", "disk_usage", 100, Duration.ofMinutes(5), 0.8))).isEmpty();
        assertThat(only(strict.onPrediction(prediction(0, "db", "disk_usage", 100, Duration.ofMinutes(20), 0.95)))
                .severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void oneRecommendationPerServerAndRuleUntilTheEvidenceChanges() {
        Recommender recommender = english();
        assertThat(recommender.onAnomaly(anomaly(0, "db", "disk_usage", 90))).hasSize(1);      // WARNING
        assertThat(recommender.onAnomaly(anomaly(5, "db", "disk_usage", 91))).isEmpty();       // same evidence
        assertThat(recommender.onAnomaly(anomaly(10, "web", "disk_usage", 91))).hasSize(1);    // other server
        assertThat(recommender.onAnomaly(anomaly(10, "db", "memory_usage", 91))).hasSize(1);   // other rule
        assertThat(only(recommender.onAnomaly(anomaly(15, "db", "disk_usage", 96))).severity()) // escalates
                .isEqualTo(Severity.CRITICAL);
        assertThat(recommender.onAnomaly(anomaly(20, "db", "disk_usage", 90))).isEmpty();      // de-escalation: quiet
        // A prediction is new evidence for the same rule; its ETA getting shorter within a level is not.
        assertThat(recommender.onPrediction(prediction(30, "db", "disk_usage", 100, Duration.ofHours(3), 0.9)))
                .hasSize(1);
        assertThat(recommender.onPrediction(prediction(60, "db", "disk_usage", 100, Duration.ofHours(2), 0.9)))
                .isEmpty();
        assertThat(only(recommender.onPrediction(prediction(90, "db", "disk_usage", 100, Duration.ofMinutes(40),
                0.9))).severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aQuietPeriodEndsTheEpisode() {
        Recommender recommender = Recommender.builder().quietPeriod(Duration.ofMinutes(30)).build();
        assertThat(recommender.onAnomaly(anomaly(0, "db", "disk_usage", 90))).hasSize(1);
        assertThat(recommender.onAnomaly(anomaly(29 * 60, "db", "disk_usage", 90))).isEmpty();
        assertThat(recommender.onAnomaly(anomaly(58 * 60, "db", "disk_usage", 90))).isEmpty(); // evidence kept it open
        assertThat(recommender.onAnomaly(anomaly(89 * 60, "db", "disk_usage", 90))).hasSize(1);
        assertThat(recommender.openEpisodes()).isEqualTo(1);
    }

    @Test
    void idleEpisodesAreForgottenSoMemoryStaysBounded() {
        Recommender recommender = Recommender.builder().quietPeriod(Duration.ofMinutes(1)).build();
        for (int i = 0; i < 5000; i++) {
            recommender.onAnomaly(anomaly(i * 10L, "server-" + i, "disk_usage", 96));
        }
        assertThat(recommender.openEpisodes()).isLessThan(1100);
    }

    private static DetectedIncident incident(AnomalyEvent... anomalies) {
        List<DetectedIncident> out = new ArrayList<>();
        IncidentGrouper grouper = new IncidentGrouper(out::add);
        for (AnomalyEvent a : anomalies) {
            grouper.add(a);
        }
        grouper.flush();
        return out.get(0);
    }

    /** Feeds the anomalies to the recommenders (as a listener would) and returns their one incident. */
    private static DetectedIncident seen(List<Recommender> recommenders, AnomalyEvent... anomalies) {
        for (Recommender recommender : recommenders) {
            for (AnomalyEvent a : anomalies) {
                recommender.onEvent(a);
            }
        }
        return incident(anomalies);
    }

    @Test
    void aSlowDatabaseAtTheOriginOfACascadeGetsSlowQueryAdvice() {
        Recommender recommender = english();
        Recommender korean = Recommender.builder().fleet(FLEET).locale(Locale.KOREAN).build();
        DetectedIncident incident = seen(List.of(recommender, korean), anomaly(0, "web", "response_time", 8000),
                anomaly(10, "db", "response_time", 5000), anomaly(40, "web", "cpu_usage", 80));
        RootCauseRanker ranker = RootCauseRanker.builder().dependencies(Map.of("web", List.of("db"))).build();
        List<RootCauseCandidate> ranked = ranker.rank(incident);
        assertThat(ranked.get(0).serverId()).isEqualTo("db");
        Recommendation r = only(recommender.onIncident(incident, ranked));
        assertThat(r.rule()).isEqualTo(Rule.SLOW_DATABASE);
        assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(r.evidence()).isEqualTo(Evidence.INCIDENT);
        assertThat(r.timestamp()).isEqualTo(incident.end());
        assertThat(r.reason()).isEqualTo("db is the likeliest root cause of incident@2026-01-05T10:00:00Z, which "
                + "spans 2 servers (also web): response_time anomalous from 2026-01-05T10:00:10Z.");
        assertThat(only(korean.onIncident(incident, ranked)).reason()).isEqualTo("db이(가) "
                + "incident@2026-01-05T10:00:00Z의 가장 유력한 근본 원인입니다 (관련 서버 2대, 그 외 web): "
                + "2026-01-05T10:00:10Z부터 response_time 이상.");
    }

    @Test
    void anIncidentRecommendsByTheCandidatesFirstResourceSymptom() {
        Recommender recommender = english();
        DetectedIncident incident = seen(List.of(recommender), anomaly(0, "db", "response_time", 5000),
                anomaly(0, "db", "disk_usage", 95), anomaly(2, "web", "response_time", 8000));
        List<RootCauseCandidate> ranked = RootCauseRanker.onsetOnly().rank(incident);
        Recommendation r = only(recommender.onIncident(incident, ranked));
        assertThat(r.rule()).isEqualTo(Rule.DISK_FILLING);
        assertThat(r.metric()).isEqualTo("disk_usage");
        assertThat(r.reason()).contains("disk_usage, response_time anomalous");
    }

    @Test
    void anIncidentRecommendsOnlyOnAnomaliesWorthItAndOnlyForCascades() {
        // A disk clean-up (a drop) at the origin of a group is not a disk filling up.
        Recommender recommender = english();
        DetectedIncident cleanUp = seen(List.of(recommender), anomaly(0, "db", "disk_usage", 12),
                anomaly(5, "web", "response_time", 2500));
        assertThat(recommender.onIncident(cleanUp, RootCauseRanker.onsetOnly().rank(cleanUp))).isEmpty();
        // Anomalies the recommender never saw are not evidence either.
        DetectedIncident unseen = incident(anomaly(0, "db", "disk_usage", 97), anomaly(5, "web", "cpu_usage", 95));
        assertThat(english().onIncident(unseen, RootCauseRanker.onsetOnly().rank(unseen))).isEmpty();
        // One server: its anomalies already said it all.
        Recommender alone = english();
        DetectedIncident single = seen(List.of(alone), anomaly(0, "web", "memory_usage", 90));
        assertThat(alone.onIncident(single, RootCauseRanker.onsetOnly().rank(single))).isEmpty();
    }

    @Test
    void theAnomalyThatClosesAnIncidentDoesNotHideTheOnesInIt() {
        // The grouper closes an incident when the next anomaly arrives, possibly after the recommender saw it.
        Recommender recommender = english();
        DetectedIncident incident = seen(List.of(recommender), anomaly(0, "db", "disk_usage", 97),
                anomaly(5, "web", "response_time", 6000));
        recommender.onAnomaly(anomaly(900, "db", "disk_usage", 97));
        assertThat(only(recommender.onIncident(incident, RootCauseRanker.onsetOnly().rank(incident))).rule())
                .isEqualTo(Rule.DISK_FILLING);
    }

    @Test
    void anIncidentNeedsItsOwnRanking() {
        DetectedIncident incident = incident(anomaly(0, "web", "cpu_usage", 95), anomaly(0, "x", "cpu_usage", 95));
        assertThatThrownBy(() -> english().onIncident(incident, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("incident@");
        List<RootCauseCandidate> other = List.of(new RootCauseCandidate("db", 1, T0, List.of()));
        assertThatThrownBy(() -> english().onIncident(incident, other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'db'");
    }

    @Test
    void asAListenerItPublishesRecommendationEventsAndIgnoresOtherEvents() {
        List<VibeEvent> published = new ArrayList<>();
        Recommender recommender = Recommender.builder().fleet(FLEET).downstream(published::add).build();
        MutableFleetFrame frame = new MutableFleetFrame(FLEET, MetricSet.standard());
        recommender.onEvent(new FrameEvent(frame.view()));
        recommender.onEvent(anomaly(0, "db", "disk_usage", 96));
        recommender.onEvent(anomaly(5, "db", "disk_usage", 97));
        recommender.onEvent(prediction(10, "web", "memory_usage", 95, Duration.ofMinutes(30), 0.9));
        // The plain API publishes too.
        recommender.onAnomaly(anomaly(20, "storage", "network_in", 950));
        assertThat(published).hasSize(3).allMatch(e -> e instanceof RecommendationEvent);
        RecommendationEvent first = (RecommendationEvent) published.get(0);
        assertThat(first.serverId()).isEqualTo("db");
        assertThat(first.metric()).isEqualTo("disk_usage");
        assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(first.action()).startsWith("Rotate");
        assertThat(first.reason()).contains("96.0 %");
        assertThat(((RecommendationEvent) published.get(1)).reason()).contains("in 30 min");
    }

    @Test
    void theSameInputsGiveTheSameRecommendations() {
        List<Recommendation> a = new ArrayList<>();
        List<Recommendation> b = new ArrayList<>();
        for (List<Recommendation> out : List.of(a, b)) {
            Recommender recommender = english();
            for (int i = 0; i < 200; i++) {
                String server = i % 3 == 0 ? "db" : i % 3 == 1 ? "web" : "storage";
                String metric = MetricSet.standard().get(i % 6).name();
                out.addAll(recommender.onAnomaly(anomaly(i * 97L, server, metric, 50 + (i * 37) % 60 * 100.0 / 60)));
                out.addAll(recommender.onPrediction(prediction(i * 97L, server, metric, 100,
                        Duration.ofMinutes((i * 53) % 500), 0.6)));
            }
        }
        assertThat(a).isNotEmpty().isEqualTo(b);
    }

    @Test
    void badConfigurationIsRefusedNamingTheOptionAndValue() {
        assertThatThrownBy(() -> Recommender.builder().minProbability(1.5))
                .hasMessage("minProbability must be in [0, 1]: 1.5");
        assertThatThrownBy(() -> Recommender.builder().quietPeriod(Duration.ZERO))
                .hasMessage("quietPeriod must be positive: PT0S");
        assertThatThrownBy(() -> Recommender.builder().urgency(Duration.ofHours(2), Duration.ofHours(1)))
                .hasMessage("urgency warning (PT1H) must be >= critical (PT2H)");
        assertThatThrownBy(() -> Recommender.builder().locale(Locale.ENGLISH).locale(Locale.KOREAN))
                .isInstanceOf(IllegalStateException.class).hasMessage("locale was already set to en; refusing ko");
        assertThatThrownBy(() -> english().onAnomaly(null)).hasMessage("anomaly must not be null");
    }

    @Test
    void aRecommendationConvertsToItsEvent() {
        Recommendation r = new Recommendation(T0, "db", "disk_usage", Rule.DISK_FILLING, Severity.INFO,
                Evidence.PREDICTION, Optional.of(Duration.ofHours(9)), "act", "why");
        assertThat(r.toEvent()).isEqualTo(new RecommendationEvent(T0, "db", "disk_usage", Severity.INFO, "act", "why"));
    }
}
