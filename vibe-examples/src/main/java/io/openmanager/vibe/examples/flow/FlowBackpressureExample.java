package io.openmanager.vibe.examples.flow;

import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.DeliveryStats;
import io.openmanager.vibe.spi.EventPublisher;
import io.openmanager.vibe.spi.event.AlertRaisedEvent;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.VibeEvent;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Subscribes to Vibe's {@link EventPublisher} ({@link Flow.Publisher}) with back-pressure: the {@link BatchSubscriber}
 * requests events in batches of {@code n} and asks for the next batch only once it has handled the previous one.
 *
 * <pre>
 * java -cp vibe-examples/target/vibe.jar io.openmanager.vibe.examples.flow.FlowBackpressureExample
 * </pre>
 *
 * <p>The publisher never blocks the simulation: each subscriber has a bounded buffer, and what overflows it is dropped
 * (oldest first here) and counted. The example runs one simulated day twice, as fast as the CPU allows, into a
 * subscriber that requests 32 events at a time and then pauses 1 ms, as if it wrote each batch to a slow network:
 * with a buffer of 256 events the producer outruns it and events are dropped; with a buffer large enough for the
 * whole day none are. The dropped counts depend on thread timing.
 */
public final class FlowBackpressureExample {
    private FlowBackpressureExample() {
    }

    /**
     * What one run saw.
     *
     * @param published     events the engine published
     * @param dropped       events the publisher dropped for this subscriber because its buffer was full
     * @param received      events the subscriber received ({@code published - dropped})
     * @param frames        frames among them
     * @param alerts        raised alerts among them
     * @param requestCalls  how many times the subscriber called {@code request(batchSize)}
     * @param overDelivered events received beyond the demand signalled so far (0 if back-pressure holds)
     */
    public record Result(long published, long dropped, long received, long frames, long alerts, long requestCalls,
                         long overDelivered) {
    }

    /**
     * Runs {@code ticks} ticks of the engine into a publisher with one {@link BatchSubscriber}, closes the publisher
     * and waits for the subscriber to complete.
     *
     * @param engine         the simulation
     * @param ticks          how many ticks, from tick 0
     * @param batchSize      how many events the subscriber requests at a time, at least 1
     * @param bufferCapacity the subscriber's buffer in the publisher, at least 1
     * @param pausePerBatch  how long the subscriber pauses after each batch, standing for slow work; zero for none
     * @return the counts
     * @throws InterruptedException if interrupted while waiting for the subscriber
     * @throws IllegalStateException if the subscriber does not complete within a minute, or fails
     */
    public static Result run(SimulationEngine engine, long ticks, int batchSize, int bufferCapacity,
                             Duration pausePerBatch) throws InterruptedException {
        Objects.requireNonNull(engine, "engine must not be null");
        BatchSubscriber subscriber = new BatchSubscriber(batchSize, pausePerBatch);
        long[] published = new long[1];
        List<DeliveryStats> stats;
        try (EventPublisher publisher = EventPublisher.builder().bufferCapacity(bufferCapacity).build()) {
            publisher.subscribe(subscriber);
            if (!subscriber.awaitSubscribed(Duration.ofSeconds(10))) {
                throw new IllegalStateException("the subscriber was not subscribed within 10 s");
            }
            engine.run(0, ticks, event -> {
                published[0]++;
                publisher.publish(event);
            });
            stats = publisher.stats();   // before close: a completed subscription leaves the list
        }
        if (!subscriber.awaitCompletion(Duration.ofMinutes(1))) {
            throw new IllegalStateException("the subscriber did not complete within a minute: received "
                    + subscriber.received() + " of " + published[0]);
        }
        if (subscriber.error() != null) {
            throw new IllegalStateException("the subscription failed", subscriber.error());
        }
        long dropped = stats.isEmpty() ? 0 : stats.get(0).dropped();
        return new Result(published[0], dropped, subscriber.received(), subscriber.frames(), subscriber.alerts(),
                subscriber.requestCalls(), subscriber.overDelivered());
    }

    /**
     * Runs the example and prints the counts.
     *
     * @param args ignored
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        SimulationEngine engine = SimulationEngine.builder().seed(42).build();
        long day = engine.ticksIn(Duration.ofDays(1));
        for (int buffer : new int[] {256, 1 << 20}) {
            Result result = run(engine, day, 32, buffer, Duration.ofMillis(1));
            System.out.printf(Locale.ROOT, "buffer %7d: published %d, received %d (%d frames, %d alerts), dropped %d, "
                            + "%d requests of 32, over-delivered %d%n", buffer, result.published(), result.received(),
                    result.frames(), result.alerts(), result.dropped(), result.requestCalls(),
                    result.overDelivered());
        }
    }

    /**
     * A {@link Flow.Subscriber} that requests {@code batchSize} events, handles them, optionally pauses (standing for
     * slow work such as a network write; it holds the publisher's executor thread meanwhile), then requests the next
     * batch. Counts what it receives and checks that the publisher never sends more than was requested. Signals are serial
     * (Reactive Streams rule 1.3); the counters are read from other threads after {@link #awaitCompletion}.
     */
    public static final class BatchSubscriber implements Flow.Subscriber<VibeEvent> {
        private final int batchSize;
        private final long pauseNanos;
        private final CountDownLatch subscribed = new CountDownLatch(1);
        private final CountDownLatch done = new CountDownLatch(1);
        private Flow.Subscription subscription;
        private int leftInBatch;
        private volatile long requested;
        private volatile long received;
        private volatile long frames;
        private volatile long alerts;
        private volatile long requestCalls;
        private volatile long overDelivered;
        private volatile Throwable error;

        /**
         * A subscriber that requests {@code batchSize} events at a time and pauses after each batch.
         *
         * @param batchSize     at least 1
         * @param pausePerBatch not negative; zero for no pause
         * @throws IllegalArgumentException naming the bad argument and its value
         */
        public BatchSubscriber(int batchSize, Duration pausePerBatch) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
            }
            Objects.requireNonNull(pausePerBatch, "pausePerBatch must not be null");
            if (pausePerBatch.isNegative()) {
                throw new IllegalArgumentException("pausePerBatch must not be negative: " + pausePerBatch);
            }
            this.batchSize = batchSize;
            this.pauseNanos = pausePerBatch.toNanos();
        }

        /** Requests the first batch, then signals {@link #awaitSubscribed}, so that publishing starts with demand. */
        @Override
        public void onSubscribe(Flow.Subscription value) {
            this.subscription = value;
            requestBatch();
            subscribed.countDown();
        }

        /** Handles one event; requests the next batch when this one is done. */
        @Override
        public void onNext(VibeEvent event) {
            long count = received + 1;
            received = count;
            if (count > requested) {
                overDelivered++;
            }
            if (event instanceof FrameEvent) {
                frames++;
            } else if (event instanceof AlertRaisedEvent) {
                alerts++;
            }
            if (--leftInBatch == 0) {
                if (pauseNanos > 0) {
                    LockSupport.parkNanos(pauseNanos);
                }
                requestBatch();
            }
        }

        /** Records the failure and ends. */
        @Override
        public void onError(Throwable throwable) {
            error = throwable;
            done.countDown();
        }

        /** Ends. */
        @Override
        public void onComplete() {
            done.countDown();
        }

        private void requestBatch() {
            leftInBatch = batchSize;
            requested += batchSize;
            requestCalls++;
            subscription.request(batchSize);
        }

        /**
         * Waits for {@code onSubscribe}.
         *
         * @param timeout how long at most
         * @return whether it happened
         * @throws InterruptedException if interrupted
         */
        public boolean awaitSubscribed(Duration timeout) throws InterruptedException {
            return subscribed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /**
         * Waits for {@code onComplete} or {@code onError}.
         *
         * @param timeout how long at most
         * @return whether it happened
         * @throws InterruptedException if interrupted
         */
        public boolean awaitCompletion(Duration timeout) throws InterruptedException {
            return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** @return events received */
        public long received() {
            return received;
        }

        /** @return frames received */
        public long frames() {
            return frames;
        }

        /** @return raised alerts received */
        public long alerts() {
            return alerts;
        }

        /** @return calls of {@code request(batchSize)} */
        public long requestCalls() {
            return requestCalls;
        }

        /** @return events received beyond the demand signalled (0 if the publisher honours back-pressure) */
        public long overDelivered() {
            return overDelivered;
        }

        /** @return the error signalled, or null */
        public Throwable error() {
            return error;
        }
    }
}
