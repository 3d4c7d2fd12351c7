package io.openmanager.vibe.spi.event;

import io.openmanager.vibe.core.alert.Alert;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert was raised.
 *
 * @param alert the open alert
 */
public record AlertRaisedEvent(Alert alert) implements VibeEvent {
    /** Checks the alert is present. */
    public AlertRaisedEvent {
        Objects.requireNonNull(alert, "alert must not be null");
    }

    @Override
    public Instant timestamp() {
        return alert.raisedAt();
    }

    @Override
    public boolean concernsServer(String serverId) {
        return alert.serverId().equals(serverId);
    }

    @Override
    public boolean concernsMetric(String metric) {
        return alert.metric().equals(metric);
    }
}
