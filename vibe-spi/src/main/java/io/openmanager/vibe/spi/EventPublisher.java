package io.openmanager.vibe.spi;

import io.openmanager.vibe.spi.event.VibeEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Vibe's events as a {@link Flow.Publisher}, so that reactive libraries can subscribe through their Flow adapters
 * (Reactor's {@code JdkFlowAdapter.flowPublisherToFlux}, RxJava's {@code FlowAdapters.toPublisher}, Mutiny's
 * {@code Multi.createFrom().publisher}). Register it with a {@link Dispatcher} as a synchronous listener (it never
 * blocks) or publish to it directly.
 *
 * <p>Follows the Reactive Streams rules. Each subscriber has a bounded buffer of its own and receives
 * {@code onNext} only as far as it has {@linkplain Flow.Subscription#request(long) requested}; events that find the
 * buffer full are discarded by the {@link OverflowPolicy} ({@link OverflowPolicy#DROP_OLDEST DROP_OLDEST} or
 * {@link OverflowPolicy#DROP_NEWEST DROP_NEWEST}; {@link OverflowPolicy#BLOCK BLOCK} is refused, as a subscriber that
 * requests nothing would stall the producer) and counted exactly in {@link #stats()}. A subscriber only sees events
 * published after it subscribed. Signals to one subscriber are serial and run on the executor, never on the
 * publishing thread. {@code request(n)} with {@code n <= 0} ends the subscription with {@code onError}
 * ({@link IllegalArgumentException}, rule 3.9); a subscriber whose {@code onNext} throws is logged (WARN), counted
 * and cancelled (rule 2.13).
 *
 * <p>{@link #close()} ends the stream: each subscriber receives its buffered events as its demand allows, then
 * {@code onComplete}.
 */
public final class EventPublisher implements Flow.Publisher<VibeEvent>, VibeListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
    private static final EventSubscription[] NONE = new EventSubscription[0];
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final int bufferCapacity;
    private final OverflowPolicy overflowPolicy;
    private final Executor executor;
    private final ExecutorService ownedExecutor;

    private final Object lock = new Object();
    // Copy-on-write under lock, so that publish reads it without locking or iterators.
    private volatile EventSubscription[] subscriptions = NONE;
    private volatile boolean closed;
    private int subscriberCount;

    private EventPublisher(Builder builder) {
        this.bufferCapacity = builder.bufferCapacity != null ? builder.bufferCapacity : Flow.defaultBufferSize();
        this.overflowPolicy = builder.overflowPolicy != null ? builder.overflowPolicy : OverflowPolicy.DROP_OLDEST;
        if (builder.executor != null) {
            this.executor = builder.executor;
            this.ownedExecutor = null;
        } else {
            this.ownedExecutor = newDefaultExecutor();
            this.executor = ownedExecutor;
        }
    }

    /**
     * Starts configuring a publisher.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Subscribes: {@code onSubscribe} follows on the executor, then events published from now on, as requested. If
     * the publisher is already closed, {@code onSubscribe} and {@code onComplete} are signalled at once on the calling
     * thread. Subscribing a subscriber that is already subscribed (forbidden by rule 1.10) is logged (WARN) and
     * ignored; its subscription goes on.
     *
     * @param subscriber the subscriber
     * @throws NullPointerException if the subscriber is null (rule 1.9)
     */
    @Override
    public void subscribe(Flow.Subscriber<? super VibeEvent> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber must not be null");
        EventSubscription subscription = null;
        EventSubscription duplicate = null;
        synchronized (lock) {
            for (EventSubscription existing : subscriptions) {
                if (existing.subscriber == subscriber) {
                    duplicate = existing;
                }
            }
            if (!closed && duplicate == null) {
                subscriberCount++;
                subscription = new EventSubscription(this, subscriber, "subscriber-" + subscriberCount,
                        bufferCapacity, overflowPolicy, executor);
                EventSubscription[] grown = Arrays.copyOf(subscriptions, subscriptions.length + 1);
                grown[grown.length - 1] = subscription;
                subscriptions = grown;
            }
        }
        if (duplicate != null) {
            // Rule 1.10 forbids it and rule 1.9 wants subscribe to return normally. Signalling onError, as
            // SubmissionPublisher does, would race with the live subscription's onNext (rule 1.3), so only log it.
            LOG.warn("Vibe EventPublisher: {} is already subscribed as '{}'; the second subscribe is ignored",
                    subscriber, duplicate.name);
        } else if (subscription == null) {
            subscriber.onSubscribe(EventSubscription.TERMINATED);
            subscriber.onComplete();
        } else {
            subscription.start();
        }
    }

    /**
     * Offers the event to every current subscriber's buffer and returns at once. The event is
     * {@linkplain VibeEvent#detached() detached} once, so a reused frame may change afterwards. With no subscriber the
     * event is ignored.
     *
     * @param event the event
     * @throws NullPointerException  if the event is null
     * @throws IllegalStateException if the publisher is closed
     */
    public void publish(VibeEvent event) {
        Objects.requireNonNull(event, "event must not be null");
        if (closed) {
            throw new IllegalStateException("EventPublisher is closed: cannot publish "
                    + event.getClass().getSimpleName() + " after close()");
        }
        EventSubscription[] current = subscriptions;
        if (current.length == 0) {
            return;
        }
        VibeEvent detached = event.detached();
        for (int i = 0; i < current.length; i++) {
            current[i].offer(detached);
        }
    }

    /**
     * Same as {@link #publish(VibeEvent)}.
     *
     * @param event the event
     * @throws IllegalStateException if the publisher is closed
     */
    @Override
    public void onEvent(VibeEvent event) {
        publish(event);
    }

    /**
     * What happened so far to the events of each current subscriber, in subscription order. Subscribers are named
     * {@code subscriber-<n>}, n counting subscriptions from 1; a subscription leaves this list when it is cancelled or
     * completed.
     *
     * @return one exact snapshot per current subscriber
     */
    public List<DeliveryStats> stats() {
        EventSubscription[] current = subscriptions;
        List<DeliveryStats> stats = new ArrayList<>(current.length);
        for (EventSubscription subscription : current) {
            stats.add(subscription.stats());
        }
        return List.copyOf(stats);
    }

    /**
     * Ends the stream: no more events are accepted, and each subscriber receives {@code onComplete} once its buffered
     * events have been delivered, as its demand allows. Does not wait for that. The default executor shuts down once
     * every subscription has ended; an injected one is left running. Idempotent.
     */
    @Override
    public void close() {
        EventSubscription[] toComplete;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            toComplete = subscriptions;
        }
        for (EventSubscription subscription : toComplete) {
            subscription.complete();
        }
        shutDownOwnedExecutorIfIdle();
    }

    /** Called by a subscription that has ended (completed, failed or cancelled). */
    void remove(EventSubscription subscription) {
        synchronized (lock) {
            EventSubscription[] current = subscriptions;
            for (int i = 0; i < current.length; i++) {
                if (current[i] == subscription) {
                    EventSubscription[] shrunk = new EventSubscription[current.length - 1];
                    System.arraycopy(current, 0, shrunk, 0, i);
                    System.arraycopy(current, i + 1, shrunk, i, current.length - i - 1);
                    subscriptions = shrunk;
                    break;
                }
            }
        }
        shutDownOwnedExecutorIfIdle();
    }

    private void shutDownOwnedExecutorIfIdle() {
        // A closed publisher gains no subscription, so once none is left the executor has nothing more to run.
        if (ownedExecutor != null && closed && subscriptions.length == 0) {
            ownedExecutor.shutdown();
        }
    }

    private static ExecutorService newDefaultExecutor() {
        int pool = POOL_NUMBER.incrementAndGet();
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "vibe-publisher-" + pool + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // A cached pool: a thread per subscriber that is being served, none while idle.
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
    }

    /**
     * Configures an {@link EventPublisher}. Each option may be set once; a second set fails with a message naming the
     * value already set. Not thread-safe.
     */
    public static final class Builder {
        private Integer bufferCapacity;
        private OverflowPolicy overflowPolicy;
        private Executor executor;

        private Builder() {
        }

        /**
         * How many events each subscriber's buffer holds; {@link Flow#defaultBufferSize()} (256) if not set.
         *
         * @param bufferCapacity at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code bufferCapacity < 1}
         * @throws IllegalStateException    if already set
         */
        public Builder bufferCapacity(int bufferCapacity) {
            if (this.bufferCapacity != null) {
                throw new IllegalStateException("bufferCapacity was already set to " + this.bufferCapacity);
            }
            if (bufferCapacity < 1) {
                throw new IllegalArgumentException("bufferCapacity must be >= 1: " + bufferCapacity);
            }
            this.bufferCapacity = bufferCapacity;
            return this;
        }

        /**
         * What happens to an event that finds a subscriber's buffer full; {@link OverflowPolicy#DROP_OLDEST} if not
         * set.
         *
         * @param overflowPolicy {@code DROP_OLDEST} or {@code DROP_NEWEST}
         * @return this builder
         * @throws IllegalArgumentException if the policy is {@link OverflowPolicy#BLOCK}
         * @throws IllegalStateException    if already set
         */
        public Builder overflowPolicy(OverflowPolicy overflowPolicy) {
            Objects.requireNonNull(overflowPolicy, "overflowPolicy must not be null");
            if (this.overflowPolicy != null) {
                throw new IllegalStateException("overflowPolicy was already set to " + this.overflowPolicy);
            }
            if (overflowPolicy == OverflowPolicy.BLOCK) {
                throw new IllegalArgumentException("overflowPolicy must be DROP_OLDEST or DROP_NEWEST: BLOCK would let "
                        + "a subscriber that requests nothing stall the producer");
            }
            this.overflowPolicy = overflowPolicy;
            return this;
        }

        /**
         * Where subscribers are signalled. If not set, the publisher owns a pool of daemon threads named
         * {@code vibe-publisher-<n>-<m>} and shuts it down once it is closed and every subscription has ended. If the
         * executor rejects a task, the subscription concerned is cancelled and logged.
         *
         * @param executor the executor
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder executor(Executor executor) {
            Objects.requireNonNull(executor, "executor must not be null");
            if (this.executor != null) {
                throw new IllegalStateException("executor was already set to " + this.executor);
            }
            this.executor = executor;
            return this;
        }

        /**
         * Makes the publisher.
         *
         * @return the new publisher
         */
        public EventPublisher build() {
            return new EventPublisher(this);
        }
    }
}
