package io.openmanager.vibe.spi;

import io.openmanager.vibe.spi.event.VibeEvent;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded queue drained by one daemon thread. All counters and the queue are guarded by one lock, so that every
 * event is accounted for exactly (delivered, dropped, failed or pending) at any instant, even while close races with
 * publishers.
 */
final class AsynchronousRoute extends Route implements Runnable {
    private static final int MAX_INITIAL_QUEUE_SIZE = 1024;

    private final int capacity;
    private final OverflowPolicy overflowPolicy;
    private final Thread worker;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    // Guarded by lock.
    private final ArrayDeque<VibeEvent> queue;
    private boolean inFlight;
    private boolean closed;
    private long delivered;
    private long dropped;
    private long failed;

    AsynchronousRoute(String name, VibeListener listener, Delivery delivery, ListenerErrorHandler errorHandler) {
        super(name, listener, delivery, errorHandler);
        this.capacity = delivery.capacity;
        this.overflowPolicy = delivery.overflowPolicy;
        // The deque grows on demand up to capacity, so a generous capacity costs nothing until it is used.
        this.queue = new ArrayDeque<>(Math.min(capacity, MAX_INITIAL_QUEUE_SIZE));
        this.worker = new Thread(this, "vibe-dispatch-" + name);
        worker.setDaemon(true);
    }

    @Override
    void start() {
        worker.start();
    }

    @Override
    VibeEvent accept(VibeEvent event, VibeEvent detached) {
        VibeEvent kept = detached != null ? detached : event.detached();
        enqueue(kept);
        return kept;
    }

    private void enqueue(VibeEvent event) {
        lock.lock();
        try {
            if (closed) {
                // A publish that raced with close: it was accepted by the dispatcher, so it is accounted for.
                dropped++;
                return;
            }
            if (queue.size() >= capacity) {
                if (overflowPolicy == OverflowPolicy.DROP_NEWEST) {
                    dropped++;
                    return;
                } else if (overflowPolicy == OverflowPolicy.DROP_OLDEST) {
                    queue.pollFirst();
                    dropped++;
                } else if (!awaitSpace()) {
                    dropped++;
                    return;
                }
            }
            queue.addLast(event);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for room under {@link OverflowPolicy#BLOCK}; false if interrupted or closed meanwhile. */
    private boolean awaitSpace() {
        while (queue.size() >= capacity) {
            if (closed) {
                return false;
            }
            try {
                notFull.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !closed;
    }

    @Override
    public void run() {
        VibeEvent event = null;
        boolean succeeded = false;
        for (;;) {
            lock.lock();
            try {
                // The previous event is counted under the lock, together with taking the next one, so that stats never
                // see it both in flight and delivered.
                if (inFlight) {
                    if (succeeded) {
                        delivered++;
                    } else {
                        failed++;
                    }
                    inFlight = false;
                }
                while (queue.isEmpty()) {
                    if (closed) {
                        return;
                    }
                    // Only close() ends this thread; an interrupt from elsewhere must not lose queued events.
                    notEmpty.awaitUninterruptibly();
                }
                event = queue.pollFirst();
                inFlight = true;
                notFull.signal();
            } finally {
                lock.unlock();
            }
            succeeded = deliver(event);
            event = null;
        }
    }

    @Override
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    void awaitClosed() throws InterruptedException {
        // A listener that closes its own dispatcher must not wait for itself.
        if (Thread.currentThread() != worker) {
            worker.join();
        }
    }

    @Override
    DeliveryStats stats() {
        lock.lock();
        try {
            return new DeliveryStats(name, delivered, dropped, failed, queue.size() + (inFlight ? 1 : 0));
        } finally {
            lock.unlock();
        }
    }
}
