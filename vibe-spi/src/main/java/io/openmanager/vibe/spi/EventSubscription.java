package io.openmanager.vibe.spi;

import io.openmanager.vibe.spi.event.VibeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * One subscriber of an {@link EventPublisher}: its bounded buffer, its demand, and the drain task that signals it.
 *
 * <p>At most one drain task is queued or running at a time ({@code scheduled}), which makes the signals serial
 * (rule 1.3) and lets {@code request} be called from within {@code onNext} without recursion (rule 3.3). State
 * changes that may need a signal schedule the task only if none is scheduled; the task re-checks the state under the
 * lock before it gives up its turn, so no change is missed.
 */
final class EventSubscription implements Flow.Subscription, Runnable {
    /** Handed to subscribers of a closed publisher, which are completed at once. */
    static final Flow.Subscription TERMINATED = new Flow.Subscription() {
        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    };

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
    // Signals per task before handing the executor thread back, so that one busy subscriber cannot monopolise it.
    private static final int MAX_SIGNALS_PER_TASK = 256;
    private static final int MAX_INITIAL_BUFFER_SIZE = 1024;

    final Flow.Subscriber<? super VibeEvent> subscriber;
    final String name;
    private final EventPublisher publisher;
    private final int capacity;
    private final OverflowPolicy overflowPolicy;
    private final Executor executor;

    private final Object lock = new Object();
    // Guarded by lock.
    private final ArrayDeque<VibeEvent> buffer;
    private long demand;
    private boolean scheduled;
    private boolean completing;
    private boolean cancelled;
    private Throwable pendingError;
    private boolean inFlight;
    private long delivered;
    private long dropped;
    private long failed;

    // Touched only by the drain task, which never runs twice at once.
    private boolean subscribed;
    private boolean lastSignalSucceeded;

    EventSubscription(EventPublisher publisher, Flow.Subscriber<? super VibeEvent> subscriber, String name,
                      int capacity, OverflowPolicy overflowPolicy, Executor executor) {
        this.publisher = publisher;
        this.subscriber = subscriber;
        this.name = name;
        this.capacity = capacity;
        this.overflowPolicy = overflowPolicy;
        this.executor = executor;
        this.buffer = new ArrayDeque<>(Math.min(capacity, MAX_INITIAL_BUFFER_SIZE));
    }

    /** Schedules the first drain, which signals onSubscribe. */
    void start() {
        synchronized (lock) {
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        schedule();
    }

    void offer(VibeEvent event) {
        synchronized (lock) {
            if (cancelled || completing) {
                // Raced with cancel or close; counted so that the subscriber's numbers still add up.
                dropped++;
                return;
            }
            if (buffer.size() >= capacity) {
                dropped++;
                if (overflowPolicy == OverflowPolicy.DROP_NEWEST) {
                    return;
                }
                buffer.pollFirst();
            }
            buffer.addLast(event);
            if (demand == 0 || scheduled) {
                return;
            }
            scheduled = true;
        }
        schedule();
    }

    /** The publisher closed: signal onComplete once the buffer has been delivered. */
    void complete() {
        synchronized (lock) {
            if (cancelled || completing) {
                return;
            }
            completing = true;
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        schedule();
    }

    @Override
    public void request(long n) {
        boolean rejected = false;
        boolean startDrain;
        synchronized (lock) {
            if (cancelled) {
                // Rule 3.6: after cancel, request is a no-op.
                return;
            }
            if (n <= 0) {
                // Rule 3.9: the subscription ends; the drain signals the error after any signal in progress.
                pendingError = new IllegalArgumentException(
                        "request(n) needs n > 0 (Reactive Streams rule 3.9), " + name + " requested " + n);
                cancelLocked();
                rejected = true;
            } else {
                demand += n;
                if (demand < 0) {
                    // Rule 3.17: demand beyond Long.MAX_VALUE counts as unbounded.
                    demand = Long.MAX_VALUE;
                }
            }
            startDrain = !scheduled;
            scheduled = true;
        }
        if (rejected) {
            publisher.remove(this);
        }
        if (startDrain) {
            schedule();
        }
    }

    @Override
    public void cancel() {
        synchronized (lock) {
            if (cancelled) {
                return;
            }
            cancelLocked();
        }
        publisher.remove(this);
    }

    private void cancelLocked() {
        cancelled = true;
        // Buffered events that will never be delivered; counted so that the numbers still add up.
        dropped += buffer.size();
        buffer.clear();
    }

    private void schedule() {
        try {
            executor.execute(this);
        } catch (RuntimeException rejected) {
            LOG.warn("Vibe EventPublisher: the executor rejected delivery to '{}'; its subscription is cancelled",
                    name, rejected);
            cancel();
        }
    }

    @Override
    public void run() {
        if (!subscribed) {
            subscribed = true;
            try {
                subscriber.onSubscribe(this);
            } catch (Throwable failure) {
                warn("Vibe EventPublisher: onSubscribe of '" + name + "' threw; its subscription is cancelled",
                        failure);
                cancel();
                return;
            }
        }
        for (int signals = 0; ; signals++) {
            VibeEvent item = null;
            Throwable error = null;
            boolean complete = false;
            boolean yieldThread = false;
            synchronized (lock) {
                if (inFlight) {
                    if (lastSignalSucceeded) {
                        delivered++;
                    } else {
                        failed++;
                    }
                    inFlight = false;
                }
                if (pendingError != null) {
                    error = pendingError;
                    pendingError = null;
                } else if (cancelled) {
                    // Terminal: leave scheduled set so that no further task is ever queued.
                    return;
                } else if (signals >= MAX_SIGNALS_PER_TASK) {
                    // Keep our turn (scheduled stays true) but yield the thread; the next task continues.
                    yieldThread = true;
                } else if (demand > 0 && !buffer.isEmpty()) {
                    item = buffer.pollFirst();
                    if (demand != Long.MAX_VALUE) {
                        demand--;
                    }
                    inFlight = true;
                } else if (completing && buffer.isEmpty()) {
                    complete = true;
                    cancelled = true;
                } else {
                    scheduled = false;
                    return;
                }
            }
            if (error != null) {
                signalError(error);
                return;
            }
            if (complete) {
                signalComplete();
                return;
            }
            if (yieldThread) {
                schedule();
                return;
            }
            try {
                subscriber.onNext(item);
                lastSignalSucceeded = true;
            } catch (Throwable failure) {
                // Rule 2.13: a subscriber that throws is treated as cancelled.
                lastSignalSucceeded = false;
                warn("Vibe EventPublisher subscriber '" + name + "' threw on " + item.getClass().getSimpleName()
                        + "; its subscription is cancelled", failure);
                cancel();
            }
        }
    }

    private void signalError(Throwable error) {
        try {
            subscriber.onError(error);
        } catch (Throwable failure) {
            warn("Vibe EventPublisher: onError of '" + name + "' threw", failure);
        }
    }

    private void signalComplete() {
        try {
            subscriber.onComplete();
        } catch (Throwable failure) {
            warn("Vibe EventPublisher: onComplete of '" + name + "' threw", failure);
        }
        publisher.remove(this);
    }

    /** Logs a subscriber's failure; a failure whose toString or stack trace throws cannot break delivery. */
    private static void warn(String what, Throwable failure) {
        try {
            LOG.warn(what, failure);
        } catch (Throwable unprintable) {
            try {
                LOG.warn("{} ({}; its stack trace cannot be printed)", what, FailureLog.describe(failure));
            } catch (Throwable ignored) {
                // Nothing more can be said; the subscription is handled all the same.
            }
        }
    }

    DeliveryStats stats() {
        synchronized (lock) {
            return new DeliveryStats(name, delivered, dropped, failed, buffer.size() + (inFlight ? 1 : 0));
        }
    }
}
