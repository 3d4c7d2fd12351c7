package io.openmanager.vibe.spi.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A detector found a value anomalous.
 *
 * @param timestamp when the value was observed
 * @param serverId  which server
 * @param metric    which metric (seed name)
 * @param value     the observed value
 * @param score     anomaly score in [0, 1]; higher is more anomalous
 * @param detector  the detector's name
 */
public record AnomalyEvent(Instant timestamp, String serverId, String metric, double value, double score,
                           String detector) implements VibeEvent {
    /** Validates the fields. */
    public AnomalyEvent {
        Objects.requireNonNull(timestamp, "timestamp must not be null");
        Objects.requireNonNull(serverId, "serverId must not be null");
        Objects.requireNonNull(metric, "metric must not be null");
        Objects.requireNonNull(detector, "detector must not be null");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1]: " + score);
        }
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
