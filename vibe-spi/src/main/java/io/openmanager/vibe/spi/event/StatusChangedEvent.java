package io.openmanager.vibe.spi.event;

import io.openmanager.vibe.core.status.Status;

import java.time.Instant;
import java.util.Objects;

/**
 * A server's overall status changed.
 *
 * @param timestamp   when
 * @param serverId    which server
 * @param previous    status before
 * @param current     status now
 * @param healthScore the server's health score now, 0..100
 */
public record StatusChangedEvent(Instant timestamp, String serverId, Status previous, Status current,
                                 int healthScore) implements VibeEvent {
    /** Validates the fields. */
    public StatusChangedEvent {
        Objects.requireNonNull(timestamp, "timestamp must not be null");
        Objects.requireNonNull(serverId, "serverId must not be null");
        Objects.requireNonNull(previous, "previous must not be null");
        Objects.requireNonNull(current, "current must not be null");
        if (healthScore < 0 || healthScore > 100) {
            throw new IllegalArgumentException("healthScore must be in 0..100: " + healthScore);
        }
    }

    @Override
    public boolean concernsServer(String id) {
        return serverId.equals(id);
    }

    @Override
    public boolean concernsMetric(String metric) {
        return false;
    }
}
