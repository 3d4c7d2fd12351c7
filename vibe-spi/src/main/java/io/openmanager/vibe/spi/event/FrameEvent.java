package io.openmanager.vibe.spi.event;

import io.openmanager.vibe.core.frame.FleetFrame;

import java.time.Instant;
import java.util.Objects;

/**
 * The values of every metric of every server (of a fleet or a shard) at one tick.
 *
 * <p>The frame may be reused by its producer: in a synchronous callback it is valid until the callback returns; keep
 * {@link FleetFrame#copy()} or {@link #detached()} if needed later.
 *
 * @param frame the read-only columnar frame
 */
public record FrameEvent(FleetFrame frame) implements VibeEvent {
    /** Checks the frame is present. */
    public FrameEvent {
        Objects.requireNonNull(frame, "frame must not be null");
    }

    @Override
    public Instant timestamp() {
        return frame.timestamp();
    }

    @Override
    public boolean concernsServer(String serverId) {
        int index = frame.fleet().indexOfId(serverId);
        return index >= frame.serverFrom() && index < frame.serverTo();
    }

    @Override
    public boolean concernsMetric(String metric) {
        return frame.metrics().indexOf(metric) >= 0;
    }

    @Override
    public FrameEvent detached() {
        return new FrameEvent(frame.copy());
    }
}
