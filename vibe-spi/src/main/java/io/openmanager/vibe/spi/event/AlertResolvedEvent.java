package io.openmanager.vibe.spi.event;

import io.openmanager.vibe.core.alert.Alert;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert was resolved.
 *
 * @param alert the alert, with its resolution instant set
 */
public record AlertResolvedEvent(Alert alert) implements VibeEvent {
    /** Checks the alert is present and resolved. */
    public AlertResolvedEvent {
        Objects.requireNonNull(alert, "alert must not be null");
        if (alert.isOpen()) {
            throw new IllegalArgumentException("alert '" + alert.id() + "' is still open: resolvedAt is null");
        }
    }

    @Override
    public Instant timestamp() {
        return alert.resolvedAt();
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
