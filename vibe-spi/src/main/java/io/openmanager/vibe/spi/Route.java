package io.openmanager.vibe.spi;

import io.openmanager.vibe.spi.event.VibeEvent;

/** One listener of a {@link Dispatcher} together with its delivery mode and counters. */
abstract class Route {
    final String name;
    final VibeListener listener;
    final Delivery delivery;
    private final ListenerErrorHandler errorHandler;

    Route(String name, VibeListener listener, Delivery delivery, ListenerErrorHandler errorHandler) {
        this.name = name;
        this.listener = listener;
        this.delivery = delivery;
        this.errorHandler = errorHandler;
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

    /** Calls the listener; a throwing listener is reported and gives false, never propagated. */
    final boolean deliver(VibeEvent event) {
        try {
            listener.onEvent(event);
            return true;
        } catch (Throwable failure) {
            // Throwable, not Exception: isolating the producer from a broken listener is the dispatcher's promise.
            reportFailure(event, failure);
            return false;
        }
    }

    /** Hands a failure to the error handler; nothing the handler or the failure does can escape. */
    final void reportFailure(VibeEvent event, Throwable failure) {
        try {
            errorHandler.onFailure(name, event, failure);
        } catch (Throwable ignored) {
            // The handler failed too (perhaps on the failure's own toString): delivery must go on regardless, and
            // the failure is still counted by the caller.
        }
    }
}
