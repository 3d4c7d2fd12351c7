package io.openmanager.vibe.analytics.recommend;

import io.openmanager.vibe.core.alert.Severity;
import io.openmanager.vibe.spi.event.RecommendationEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of advice from a {@link Recommender}: what to do about a server, how urgently, and on what evidence.
 *
 * @param timestamp when the evidence was seen (the anomaly's or prediction's timestamp, the incident's end)
 * @param serverId  which server
 * @param metric    the metric the evidence is about (seed name)
 * @param rule      the rule that fired
 * @param severity  how urgent
 * @param evidence  the kind of evidence
 * @param eta       for a prediction, the time from {@code timestamp} to the expected crossing (zero if already due);
 *                  empty otherwise
 * @param action    what to do, one sentence in the recommender's language
 * @param reason    why, one sentence in the recommender's language naming the evidence and its numbers
 */
public record Recommendation(Instant timestamp, String serverId, String metric, Rule rule, Severity severity,
                             Evidence evidence, Optional<Duration> eta, String action, String reason) {
    /** Validates the fields. */
    public Recommendation {
        Objects.requireNonNull(timestamp, "timestamp must not be null");
        Objects.requireNonNull(serverId, "serverId must not be null");
        Objects.requireNonNull(metric, "metric must not be null");
        Objects.requireNonNull(rule, "rule must not be null");
        Objects.requireNonNull(severity, "severity must not be null");
        Objects.requireNonNull(evidence, "evidence must not be null");
        Objects.requireNonNull(eta, "eta must not be null (use Optional.empty())");
        Objects.requireNonNull(action, "action must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
    }

    /** This recommendation as the SPI event that listeners receive. */
    public RecommendationEvent toEvent() {
        return new RecommendationEvent(timestamp, serverId, metric, severity, action, reason);
    }
}
