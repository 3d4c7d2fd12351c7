package io.openmanager.vibe.spi;

import io.openmanager.vibe.spi.event.VibeEvent;

import java.util.concurrent.atomic.LongAdder;

/** Calls the listener on the publishing thread. */
final class SynchronousRoute extends Route {
    // LongAdder: publishers may be concurrent, and it does not allocate while uncontended.
    private final LongAdder delivered = new LongAdder();
    private final LongAdder failed = new LongAdder();

    SynchronousRoute(String name, VibeListener listener, ListenerErrorHandler errorHandler) {
        super(name, listener, Delivery.synchronous(), errorHandler);
    }

    @Override
    VibeEvent accept(VibeEvent event, VibeEvent detached) {
        if (deliver(event)) {
            delivered.increment();
        } else {
            failed.increment();
        }
        return detached;
    }

    @Override
    void close() {
    }

    @Override
    DeliveryStats stats() {
        return new DeliveryStats(name, delivered.sum(), 0, failed.sum(), 0);
    }
}
