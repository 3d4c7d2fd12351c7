package io.openmanager.vibe.spi;

import io.openmanager.vibe.spi.event.VibeEvent;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a {@link Dispatcher} hands events to one listener: {@linkplain #synchronous() synchronously},
 * {@linkplain #asynchronous(int, OverflowPolicy) through a bounded queue and a thread of its own}, or
 * {@linkplain #throttled(Duration, Function) throttled per key}. In every mode a listener that throws is counted in
 * {@link DeliveryStats#failed()} and reported to the dispatcher's {@link ListenerErrorHandler}, and neither the
 * producer nor the other listeners notice.
 *
 * <p>Immutable; the factories check their arguments so that a mistake fails where the delivery is configured.
 */
public final class Delivery {
    enum Mode { SYNCHRONOUS, ASYNCHRONOUS, THROTTLED }

    private static final Delivery SYNCHRONOUS = new Delivery(Mode.SYNCHRONOUS, 0, null, null, null);

    final Mode mode;
    final int capacity;
    final OverflowPolicy overflowPolicy;
    final Duration interval;
    final Function<? super VibeEvent, ?> keyFunction;

    private Delivery(Mode mode, int capacity, OverflowPolicy overflowPolicy, Duration interval,
                     Function<? super VibeEvent, ?> keyFunction) {
        this.mode = mode;
        this.capacity = capacity;
        this.overflowPolicy = overflowPolicy;
        this.interval = interval;
        this.keyFunction = keyFunction;
    }

    /**
     * Every event, in publication order, on the publishing thread, before {@code publish} returns: the default, for
     * batch runs and tests. The listener sees events exactly as published (a {@code FrameEvent}'s frame is valid only
     * during the call). If several threads publish at once, the listener is called concurrently and the order holds
     * per publishing thread.
     *
     * @return the synchronous delivery
     */
    public static Delivery synchronous() {
        return SYNCHRONOUS;
    }

    /**
     * Every event goes through a bounded FIFO queue drained by a daemon thread of the listener's own, named
     * {@code vibe-dispatch-<name>}, so a slow listener never delays the producer (unless the policy is
     * {@link OverflowPolicy#BLOCK}). Events are {@linkplain VibeEvent#detached() detached} once per publish before
     * queueing, so the listener may keep them. The listener is called from that one thread, in queue order.
     *
     * <p>When the queue is full the policy decides: wait, discard the oldest queued event, or discard the arriving
     * one; discarded events are counted exactly in {@link DeliveryStats#dropped()}. {@link Dispatcher#close()}
     * delivers everything still queued before returning.
     *
     * @param capacity       how many events may wait, not counting the one being delivered; at least 1
     * @param overflowPolicy what to do with an event that finds the queue full
     * @return the asynchronous delivery
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public static Delivery asynchronous(int capacity, OverflowPolicy overflowPolicy) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        Objects.requireNonNull(overflowPolicy, "overflowPolicy must not be null");
        return new Delivery(Mode.ASYNCHRONOUS, capacity, overflowPolicy, null, null);
    }

    /**
     * At most one event per key per interval, always the latest: for UI streams that redraw once a second whatever the
     * tick rate. Time comes from the dispatcher's {@linkplain Dispatcher.Builder#clock(java.time.InstantSource)
     * clock}, read once per publish. The rules, for an event {@code e} with key {@code k = keyFunction.apply(e)}
     * published at time {@code now}:
     * <ol>
     *   <li>First, the pending event of every other key whose interval has elapsed is delivered, in the order those
     *       keys became pending.</li>
     *   <li>If {@code k} was never delivered, or was last delivered at {@code t} with {@code now >= t + interval}, then
     *       {@code e} is delivered at once and {@code now} becomes {@code k}'s last delivery. A pending event for
     *       {@code k} is then stale and is counted as dropped.</li>
     *   <li>Otherwise {@code e} becomes {@code k}'s pending event (detached, so it may be kept), replacing and
     *       counting as dropped any earlier pending one.</li>
     * </ol>
     * There is no timer: a pending event waits for a later publish that finds its interval elapsed, or for
     * {@link Dispatcher#close()}, which delivers every pending event at once (the only case in which two deliveries of
     * a key may be closer than the interval). If the clock goes backwards past a key's last delivery, the key counts
     * as due. Delivery happens on the publishing thread, one call at a time. Keys are compared with
     * {@code equals}; {@code null} is a valid key; memory holds one entry per key seen within about the last interval.
     * If the key function throws, the event counts as failed.
     *
     * @param interval    the minimum time between two deliveries of the same key, positive (OpenManager uses 1 s)
     * @param keyFunction the key of an event, for example {@code e -> e.getClass()}, or a server id
     * @return the throttled delivery
     * @throws IllegalArgumentException if the interval is zero or negative
     */
    public static Delivery throttled(Duration interval, Function<? super VibeEvent, ?> keyFunction) {
        Objects.requireNonNull(interval, "interval must not be null");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be > 0: " + interval);
        }
        Objects.requireNonNull(keyFunction, "keyFunction must not be null");
        return new Delivery(Mode.THROTTLED, 0, null, interval, keyFunction);
    }

    /** Describes the mode and its settings, for example {@code asynchronous(capacity=1024, DROP_OLDEST)}. */
    @Override
    public String toString() {
        switch (mode) {
            case ASYNCHRONOUS:
                return "asynchronous(capacity=" + capacity + ", " + overflowPolicy + ")";
            case THROTTLED:
                return "throttled(interval=" + interval + ")";
            default:
                return "synchronous";
        }
    }
}
