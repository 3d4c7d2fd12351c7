package io.openmanager.vibe.examples.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.DeliveryStats;
import io.openmanager.vibe.spi.EventPublisher;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

class FlowBackpressureExampleTest {
    private static final SimulationEngine ENGINE = SimulationEngine.builder().seed(42).build();

    @Test
    void aLargeEnoughBufferLosesNothingAndDemandIsRequestedInBatches() throws Exception {
        FlowBackpressureExample.Result result = FlowBackpressureExample.run(ENGINE, 120, 7, 1 << 20, Duration.ZERO);

        assertThat(result.frames()).isEqualTo(120);
        assertThat(result.dropped()).isZero();
        assertThat(result.received()).isEqualTo(result.published()).isGreaterThan(120);
        assertThat(result.overDelivered()).isZero();
        // The first batch at subscription, then one more each time a batch of 7 has been handled.
        assertThat(result.requestCalls()).isEqualTo(1 + result.received() / 7);
    }

    @Test
    void aSmallBufferDropsWhatTheSubscriberDidNotRequestAndCountsItExactly() throws Exception {
        // About 770 events in batches of 2, each followed by a 1 ms pause: the producer is done long before.
        FlowBackpressureExample.Result result = FlowBackpressureExample.run(ENGINE, 720, 2, 4, Duration.ofMillis(1));

        assertThat(result.dropped()).isPositive();
        assertThat(result.received()).isEqualTo(result.published() - result.dropped());
        assertThat(result.overDelivered()).isZero();
        assertThat(result.requestCalls()).isEqualTo(1 + result.received() / 2);
    }

    @Test
    void aSubscriberThatStopsRequestingReceivesNoMore() throws Exception {
        AtomicInteger received = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        Flow.Subscriber<VibeEvent> stingy = new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(3);            // one batch, never another
            }

            @Override
            public void onNext(VibeEvent item) {
                received.incrementAndGet();
                three.countDown();
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        };
        try (EventPublisher publisher = EventPublisher.builder().build()) {
            publisher.subscribe(stingy);
            await(() -> publisher.stats().size() == 1);
            for (int tick = 0; tick < 10; tick++) {
                publisher.publish(new FrameEvent(ENGINE.frameAt(tick)));
            }
            assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100);                          // time enough for a publisher that ignored demand

            assertThat(received).hasValue(3);
            DeliveryStats stats = publisher.stats().get(0);
            assertThat(stats.delivered()).isEqualTo(3);
            assertThat(stats.pending()).isEqualTo(7);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    @Test
    void theFirstBatchIsRequestedBeforeTheSubscriberCountsAsSubscribed() throws Exception {
        FlowBackpressureExample.BatchSubscriber subscriber =
                new FlowBackpressureExample.BatchSubscriber(8, Duration.ZERO);
        boolean[] subscribedAtRequest = new boolean[1];
        long[] demand = new long[1];
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                try {
                    subscribedAtRequest[0] = subscriber.awaitSubscribed(Duration.ZERO);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                demand[0] += n;
            }

            @Override
            public void cancel() {
            }
        });

        assertThat(demand[0]).isEqualTo(8);
        assertThat(subscribedAtRequest[0]).as("subscribed signalled before the first request").isFalse();
        assertThat(subscriber.awaitSubscribed(Duration.ZERO)).isTrue();
    }

    @Test
    void aBatchSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> new FlowBackpressureExample.BatchSubscriber(0, Duration.ZERO))
                .hasMessage("batchSize must be >= 1: 0");
        assertThatThrownBy(() -> new FlowBackpressureExample.BatchSubscriber(1, Duration.ofMillis(-1)))
                .hasMessage("pausePerBatch must not be negative: PT-0.001S");
    }
}
