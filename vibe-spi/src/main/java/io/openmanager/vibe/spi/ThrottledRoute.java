package io.openmanager.vibe.spi;

import io.openmanager.vibe.spi.event.VibeEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Delivers at most one event per key per interval, on the publishing thread; see
 * {@link Delivery#throttled(Duration, Function)} for the rules. One monitor serializes publishers, which also keeps
 * the listener's calls one at a time.
 */
final class ThrottledRoute extends Route {
    private static final int MIN_PRUNE_THRESHOLD = 64;

    private final Duration interval;
    private final Function<? super VibeEvent, ?> keyFunction;
    private final InstantSource clock;

    // Guarded by this.
    private final Map<Object, KeyState> keys = new HashMap<>();
    private final ArrayList<KeyState> pendingKeys = new ArrayList<>();
    private int pruneThreshold = MIN_PRUNE_THRESHOLD;
    private boolean closed;

    // Written under the monitor, read without it, so that stats() never waits for a slow listener.
    private volatile long delivered;
    private volatile long dropped;
    private volatile long failed;
    private volatile int pending;

    ThrottledRoute(String name, VibeListener listener, Delivery delivery, InstantSource clock,
                   ListenerErrorHandler errorHandler) {
        super(name, listener, delivery, errorHandler);
        this.interval = delivery.interval;
        this.keyFunction = delivery.keyFunction;
        this.clock = clock;
    }

    private static final class KeyState {
        final Object key;
        Instant lastDelivery;
        Instant nextDue;
        VibeEvent pendingEvent;

        KeyState(Object key) {
            this.key = key;
        }

        boolean isDue(Instant now) {
            return lastDelivery == null || !now.isBefore(nextDue) || now.isBefore(lastDelivery);
        }
    }

    @Override
    synchronized VibeEvent accept(VibeEvent event, VibeEvent detached) {
        if (closed) {
            dropped++;
            return detached;
        }
        Object key;
        try {
            key = keyFunction.apply(event);
        } catch (Throwable failure) {
            reportFailure(event, failure);
            failed++;
            return detached;
        }
        Instant now = clock.instant();
        KeyState state = keys.get(key);
        flushDue(now, state);
        if (state == null) {
            if (keys.size() >= pruneThreshold) {
                prune(now);
            }
            state = new KeyState(key);
            keys.put(key, state);
        }
        if (state.isDue(now)) {
            if (state.pendingEvent != null) {
                // Superseded by a newer event that can go out right away.
                state.pendingEvent = null;
                pendingKeys.remove(state);
                pending--;
                dropped++;
            }
            deliverNow(state, event, now);
            return detached;
        }
        VibeEvent kept = detached != null ? detached : event.detached();
        if (state.pendingEvent == null) {
            pendingKeys.add(state);
            pending++;
        } else {
            dropped++;
        }
        state.pendingEvent = kept;
        return kept;
    }

    /** Delivers the pending event of every key but {@code current} whose interval has elapsed. */
    private void flushDue(Instant now, KeyState current) {
        // Index loop re-checking the size: a listener that publishes again from inside may change the list.
        int i = 0;
        while (i < pendingKeys.size()) {
            KeyState state = pendingKeys.get(i);
            if (state != current && state.isDue(now)) {
                pendingKeys.remove(i);
                VibeEvent event = state.pendingEvent;
                state.pendingEvent = null;
                pending--;
                deliverNow(state, event, now);
            } else {
                i++;
            }
        }
    }

    /** Forgets keys that behave exactly as unseen ones (due and with nothing pending), to bound memory. */
    private void prune(Instant now) {
        keys.values().removeIf(state -> state.pendingEvent == null && state.isDue(now));
        pruneThreshold = Math.max(MIN_PRUNE_THRESHOLD, keys.size() * 2);
    }

    private void deliverNow(KeyState state, VibeEvent event, Instant now) {
        state.lastDelivery = now;
        state.nextDue = now.plus(interval);
        if (deliver(event)) {
            delivered++;
        } else {
            failed++;
        }
    }

    @Override
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Instant now = clock.instant();
        while (!pendingKeys.isEmpty()) {
            KeyState state = pendingKeys.remove(0);
            VibeEvent event = state.pendingEvent;
            state.pendingEvent = null;
            pending--;
            deliverNow(state, event, now);
        }
        keys.clear();
    }

    @Override
    DeliveryStats stats() {
        return new DeliveryStats(name, delivered, dropped, failed, pending);
    }
}
