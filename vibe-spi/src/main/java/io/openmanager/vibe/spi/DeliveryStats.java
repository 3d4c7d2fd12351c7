package io.openmanager.vibe.spi;

import java.util.Objects;

/**
 * What happened to the events handed to one listener (or one {@link EventPublisher} subscriber) so far.
 *
 * <p>Every event handed over is in exactly one of the four counts, so {@code delivered + dropped + failed + pending}
 * is the number of events handed to the listener. The snapshot is exact for an asynchronous listener or a subscriber
 * (taken under its buffer's lock); for the other modes each count is read on its own while events may still arrive,
 * and it is exact once publishing has stopped.
 *
 * @param name      the listener's name, unique within its dispatcher ({@code subscriber-<n>} for a subscriber)
 * @param delivered events the listener returned from normally
 * @param dropped   events discarded without reaching the listener: by the {@link OverflowPolicy} of a full buffer,
 *                  replaced by a newer event with the same key (throttled delivery), or discarded by close or cancel
 * @param failed    events the listener threw on
 * @param pending   events accepted but not yet delivered: queued, being delivered, or held back by throttling
 */
public record DeliveryStats(String name, long delivered, long dropped, long failed, int pending) {
    /** Checks the name is present and the counts are not negative. */
    public DeliveryStats {
        Objects.requireNonNull(name, "name must not be null");
        if (delivered < 0 || dropped < 0 || failed < 0 || pending < 0) {
            throw new IllegalArgumentException("counts must be >= 0: delivered=" + delivered + ", dropped=" + dropped
                    + ", failed=" + failed + ", pending=" + pending);
        }
    }
}
