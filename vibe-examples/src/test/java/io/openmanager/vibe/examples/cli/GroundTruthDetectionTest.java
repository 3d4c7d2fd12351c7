package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.analytics.evaluation.AnomalyWindow;
import io.openmanager.vibe.analytics.evaluation.EventWindowScore;
import io.openmanager.vibe.analytics.evaluation.EventWindowScorer;
import io.openmanager.vibe.analytics.pipeline.AnalyticsPipeline;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator and the analytics meet only through events: a week of the default fleet (seed 42, built-in scenarios)
 * through the default {@link AnalyticsPipeline}, scored against the simulator's own ground truth. Each incident's
 * affected (server, metric) pairs are labelled windows of those series; the anomalies of those series are the
 * detections. The bounds pin what was measured, so a regression in the simulator's realism or in the detector shows.
 */
class GroundTruthDetectionTest {
    private static final Map<String, List<AnomalyEvent>> ANOMALIES_BY_SERIES = new HashMap<>();
    private static List<Incident> incidents;

    @BeforeAll
    static void simulateAWeek() {
        SimulationEngine engine = SimulationEngine.builder().seed(42).build();
        AnalyticsPipeline pipeline = AnalyticsPipeline.builder(event -> {
            if (event instanceof AnomalyEvent) {
                AnomalyEvent anomaly = (AnomalyEvent) event;
                ANOMALIES_BY_SERIES.computeIfAbsent(anomaly.serverId() + "/" + anomaly.metric(),
                        k -> new ArrayList<>()).add(anomaly);
            }
        }).build();
        long ticks = engine.ticksIn(Duration.ofDays(7));
        engine.batch().ticks(0, ticks).framesOnly().listener(pipeline).run();
        incidents = engine.incidents(engine.start(), engine.instantOf(ticks));
    }

    @Test
    void incidentsOfTheWeekAreFoundOnTheSeriesTheyAffect() {
        Map<String, List<AnomalyWindow>> windowsBySeries = new HashMap<>();
        for (Incident incident : incidents) {
            incident.affected().forEach((host, metrics) -> {
                for (String metric : metrics) {
                    windowsBySeries.computeIfAbsent(host + "/" + metric, k -> new ArrayList<>())
                            .add(new AnomalyWindow(incident.start(), incident.end()));
                }
            });
        }
        int detected = 0;
        int falsePositives = 0;
        int total = 0;
        long delaySeconds = 0;
        for (Map.Entry<String, List<AnomalyWindow>> series : windowsBySeries.entrySet()) {
            List<Instant> seen = new ArrayList<>();
            for (AnomalyEvent anomaly : ANOMALIES_BY_SERIES.getOrDefault(series.getKey(), List.of())) {
                seen.add(anomaly.timestamp());
            }
            EventWindowScore score = EventWindowScorer.standard().score(series.getValue(), seen);
            detected += score.detectedWindows();
            falsePositives += score.falsePositives();
            total += score.windows();
            if (score.meanDetectionDelay().isPresent()) {
                delaySeconds += score.meanDetectionDelay().get().toSeconds() * score.detectedWindows();
            }
        }
        double recall = (double) detected / total;
        double precision = (double) detected / (detected + falsePositives);
        System.out.printf("ground truth: %d incidents, %d series windows, recall %.3f, precision %.3f, "
                        + "mean delay %d s, anomalies in the week %d%n", incidents.size(), total, recall, precision,
                detected == 0 ? -1 : delaySeconds / detected, ANOMALIES_BY_SERIES.values().stream()
                        .mapToInt(List::size).sum());

        // Measured: 7 incidents, 17 series windows, recall 1.000, precision 1.000, mean delay 3 s, 21 anomalies.
        assertThat(incidents).hasSize(7);
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
        assertThat(precision).isGreaterThanOrEqualTo(0.85);
        assertThat(delaySeconds / detected).isLessThanOrEqualTo(60);
        // A quiet fleet must not drown in alarms: 120 series for a week, fewer than 180 anomalies in all.
        assertThat(ANOMALIES_BY_SERIES.values().stream().mapToInt(List::size).sum()).isLessThan(180);
    }
}
