package io.openmanager.vibe.spi;

import io.openmanager.vibe.spi.event.VibeEvent;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Records events, but holds its first call until {@link #release()}: the asynchronous tests use it to fill a queue
 * deterministically while one event is known to be in flight.
 */
final class GatedListener extends RecordingListener {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);

    @Override
    public void onEvent(VibeEvent event) {
        super.onEvent(event);
        entered.countDown();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the first event is being delivered. */
    void awaitEntered() throws InterruptedException {
        if (!entered.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the listener was never called");
        }
    }

    void release() {
        gate.countDown();
    }
}
