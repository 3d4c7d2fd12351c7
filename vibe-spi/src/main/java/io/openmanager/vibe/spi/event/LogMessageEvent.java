package io.openmanager.vibe.spi.event;

import io.openmanager.vibe.core.alert.LogEvent;

import java.time.Instant;
import java.util.Objects;

/**
 * A server wrote a log line.
 *
 * @param log the log line
 */
public record LogMessageEvent(LogEvent log) implements VibeEvent {
    /** Checks the log line is present. */
    public LogMessageEvent {
        Objects.requireNonNull(log, "log must not be null");
    }

    @Override
    public Instant timestamp() {
        return log.timestamp();
    }

    @Override
    public boolean concernsServer(String serverId) {
        return log.serverId().equals(serverId);
    }

    @Override
    public boolean concernsMetric(String metric) {
        return false;
    }
}
