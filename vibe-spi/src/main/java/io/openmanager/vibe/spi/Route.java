package io.openmanager.vibe.spi;

import io.openmanager.vibe.spi.event.VibeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One listener of a {@link Dispatcher} together with its delivery mode and counters. */
abstract class Route {
    // Logged under the Dispatcher's name: that is the class users know and configure.
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    final String name;
    final VibeListener listener;
    final Delivery delivery;

    Route(String name, VibeListener listener, Delivery delivery) {
        this.name = name;
        this.listener = listener;
        this.delivery = delivery;
    }

    /**
     * Hands one event over. {@code detached} is the event's detached copy if an earlier route of this publish already
     * made it, else null; a route that keeps the event makes it when needed. Returns the copy (or null) so that
     * {@link VibeEvent#detached()} runs at most once per publish, without allocating a holder.
     */
    abstract VibeEvent accept(VibeEvent event, VibeEvent detached);

    /** Starts the route's thread, if it has one. */
    void start() {
    }

    /** Stops accepting events and begins delivering what is left; does not wait. */
    abstract void close();

    /** Waits until everything left at close has been delivered. */
    void awaitClosed() throws InterruptedException {
    }

    abstract DeliveryStats stats();

    /** Calls the listener; a throwing listener is logged and reported as false, never propagated. */
    final boolean deliver(VibeEvent event) {
        try {
            listener.onEvent(event);
            return true;
        } catch (Throwable failure) {
            // Throwable, not Exception: isolating the producer from a broken listener is the dispatcher's promise.
            logFailure("listener", event, failure);
            return false;
        }
    }

    final void logFailure(String what, VibeEvent event, Throwable failure) {
        LOG.warn("Vibe {} '{}' threw on {}; the event is skipped for this listener, delivery continues", what, name,
                event.getClass().getSimpleName(), failure);
    }
}
