package io.openmanager.vibe.spi.event;

import io.openmanager.vibe.core.alert.Severity;

import java.time.Instant;
import java.util.Objects;

/**
 * Advice on what to do about a server.
 *
 * @param timestamp when
 * @param serverId  which server
 * @param metric    the metric it is about (seed name), or empty
 * @param severity  how urgent
 * @param action    what to do, one sentence
 * @param reason    why, one sentence with the evidence
 */
public record RecommendationEvent(Instant timestamp, String serverId, String metric, Severity severity, String action,
                                  String reason) implements VibeEvent {
    /** Validates the fields. */
    public RecommendationEvent {
        Objects.requireNonNull(timestamp, "timestamp must not be null");
        Objects.requireNonNull(serverId, "serverId must not be null");
        Objects.requireNonNull(metric, "metric must not be null");
        Objects.requireNonNull(severity, "severity must not be null");
        Objects.requireNonNull(action, "action must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
    }

    @Override
    public boolean concernsServer(String id) {
        return serverId.equals(id);
    }

    @Override
    public boolean concernsMetric(String name) {
        return metric.equals(name);
    }
}
