package io.openmanager.vibe.examples.serve;

import io.openmanager.vibe.analytics.health.FleetHealth;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.PredictionEvent;
import io.openmanager.vibe.spi.event.RecommendationEvent;

import java.util.List;

/**
 * The fleet after one tick, as {@code /metrics}, {@code /api/fleet} and the {@code tick} event show it. Immutable once
 * published (the score array is never written after).
 *
 * @param frame           the tick's values and statuses (a detached copy)
 * @param scores          each series' latest anomaly score, index {@code server * metricCount + metric}; NaN if none
 * @param health          the fleet's health at the tick
 * @param predictions     predictions still active at the tick (crossing ahead, made within the last hour)
 * @param incidents       ground-truth incidents in progress at the tick
 * @param anomalies       the latest anomalies, newest first
 * @param recommendations the latest recommendations, newest first
 */
public record Snapshot(FleetFrame frame, double[] scores, FleetHealth health, List<PredictionEvent> predictions,
                       List<Incident> incidents, List<AnomalyEvent> anomalies,
                       List<RecommendationEvent> recommendations) {

    /** The latest anomaly score of a series; NaN if it has none. */
    public double score(int server, int metric) {
        return scores[server * frame.metrics().size() + metric];
    }

    /** The highest latest anomaly score of a server's series; 0 if none. */
    public double maxScore(int server) {
        double max = 0;
        for (int m = 0; m < frame.metrics().size(); m++) {
            double score = score(server, m);
            if (score > max) {
                max = score;
            }
        }
        return max;
    }
}
