package io.openmanager.vibe.spi;

/**
 * What a bounded buffer does with an event that arrives while it is full. Every event handed to a buffer is either
 * delivered or counted as dropped in {@link DeliveryStats#dropped()}: nothing disappears silently.
 */
public enum OverflowPolicy {
    /**
     * The publishing thread waits until the listener has made room. Nothing is dropped, but a slow listener slows the
     * producer down. If the waiting thread is interrupted, or the dispatcher is closed while it waits, the event is
     * counted as dropped and the thread's interrupt status is kept. Accepted by {@link Dispatcher} only: an
     * {@link EventPublisher} refuses it, since a subscriber that requests nothing would stall the producer forever.
     */
    BLOCK,

    /**
     * The oldest waiting event is discarded (and counted) to make room for the new one: the listener sees the most
     * recent events, the right choice for dashboards.
     */
    DROP_OLDEST,

    /**
     * The arriving event is discarded (and counted); the events already waiting are kept: the listener sees an
     * unbroken prefix of the stream.
     */
    DROP_NEWEST
}
