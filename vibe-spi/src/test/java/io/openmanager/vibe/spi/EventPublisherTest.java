package io.openmanager.vibe.spi;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.frame.MutableFleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.openmanager.vibe.spi.TestEvents.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventPublisherTest {
    private final ManualExecutor executor = new ManualExecutor();
    private final List<RecordingSubscriber> subscribers = new ArrayList<>();

    private EventPublisher publisher(int capacity, OverflowPolicy policy) {
        return EventPublisher.builder().bufferCapacity(capacity).overflowPolicy(policy).executor(executor).build();
    }

    private RecordingSubscriber subscribe(EventPublisher publisher, long initialRequest) {
        RecordingSubscriber subscriber = new RecordingSubscriber(initialRequest);
        subscribers.add(subscriber);
        publisher.subscribe(subscriber);
        executor.runAll();
        return subscriber;
    }

    @AfterEach
    void noSubscriberSawTheContractBroken() {
        for (RecordingSubscriber subscriber : subscribers) {
            assertThat(subscriber.violations()).isEmpty();
        }
    }

    /** Publishes 0..9 while the subscriber has requested 3, running the executor after each publish. */
    private static void publishTen(EventPublisher publisher, ManualExecutor executor) {
        for (int i = 0; i < 10; i++) {
            publisher.publish(numbered(i));
            executor.runAll();
        }
    }

    @Test
    void requestIsHonouredExactlyAndDropOldestKeepsTheNewest() {
        EventPublisher publisher = publisher(4, OverflowPolicy.DROP_OLDEST);
        RecordingSubscriber subscriber = subscribe(publisher, 3);
        publishTen(publisher, executor);
        assertThat(subscriber.numbers()).containsExactly(0, 1, 2);
        // 3..9 met no demand: the buffer of 4 kept 6..9 and dropped 3, 4, 5.
        assertThat(publisher.stats()).containsExactly(new DeliveryStats("subscriber-1", 3, 3, 0, 4));

        subscriber.request(2);
        executor.runAll();
        assertThat(subscriber.numbers()).containsExactly(0, 1, 2, 6, 7);
        assertThat(publisher.stats()).containsExactly(new DeliveryStats("subscriber-1", 5, 3, 0, 2));
    }

    @Test
    void requestIsHonouredExactlyAndDropNewestKeepsTheOldest() {
        EventPublisher publisher = publisher(4, OverflowPolicy.DROP_NEWEST);
        RecordingSubscriber subscriber = subscribe(publisher, 3);
        publishTen(publisher, executor);
        assertThat(subscriber.numbers()).containsExactly(0, 1, 2);
        assertThat(publisher.stats()).containsExactly(new DeliveryStats("subscriber-1", 3, 3, 0, 4));

        subscriber.request(2);
        executor.runAll();
        assertThat(subscriber.numbers()).containsExactly(0, 1, 2, 3, 4);
        assertThat(publisher.stats()).containsExactly(new DeliveryStats("subscriber-1", 5, 3, 0, 2));
    }

    @Test
    void closeCompletesOnlyAfterTheBufferHasBeenDeliveredAsDemandAllows() {
        EventPublisher publisher = publisher(8, OverflowPolicy.DROP_OLDEST);
        RecordingSubscriber subscriber = subscribe(publisher, 1);
        publisher.publish(numbered(0));
        publisher.publish(numbered(1));
        publisher.publish(numbered(2));
        publisher.close();
        executor.runAll();
        assertThat(subscriber.numbers()).containsExactly(0);
        assertThat(subscriber.completed()).isFalse();

        subscriber.request(10);
        executor.runAll();
        assertThat(subscriber.numbers()).containsExactly(0, 1, 2);
        assertThat(subscriber.completed()).isTrue();
        assertThat(publisher.stats()).isEmpty();
    }

    @Test
    void aSubscriberWithNothingBufferedCompletesWithoutDemand() {
        EventPublisher publisher = publisher(8, OverflowPolicy.DROP_OLDEST);
        RecordingSubscriber subscriber = subscribe(publisher, 0);
        publisher.close();
        executor.runAll();
        assertThat(subscriber.completed()).isTrue();
    }

    @Test
    void requestOfZeroOrLessEndsTheSubscriptionWithIllegalArgumentException() {
        EventPublisher publisher = publisher(8, OverflowPolicy.DROP_OLDEST);
        RecordingSubscriber zero = subscribe(publisher, 0);
        RecordingSubscriber negative = subscribe(publisher, 0);
        zero.request(0);
        negative.request(-1);
        executor.runAll();
        assertThat(zero.error()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("request(n) needs n > 0 (Reactive Streams rule 3.9), subscriber-1 requested 0");
        assertThat(negative.error()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");

        publisher.publish(numbered(1));
        zero.request(5);
        executor.runAll();
        assertThat(zero.received()).isEmpty();
        assertThat(publisher.stats()).isEmpty();
    }

    @Test
    void cancelStopsDelivery() {
        EventPublisher publisher = publisher(8, OverflowPolicy.DROP_OLDEST);
        RecordingSubscriber cancelled = subscribe(publisher, 100);
        RecordingSubscriber staying = subscribe(publisher, 100);
        publisher.publish(numbered(0));
        publisher.publish(numbered(1));
        executor.runAll();
        publisher.publish(numbered(2));
        cancelled.cancel();
        publisher.publish(numbered(3));
        executor.runAll();
        assertThat(cancelled.numbers()).containsExactly(0, 1);
        assertThat(staying.numbers()).containsExactly(0, 1, 2, 3);
        assertThat(publisher.stats()).extracting(DeliveryStats::name).containsExactly("subscriber-2");
    }

    @Test
    void aSubscriberOnlySeesEventsPublishedAfterItSubscribed() {
        EventPublisher publisher = publisher(8, OverflowPolicy.DROP_OLDEST);
        publisher.publish(numbered(0));
        RecordingSubscriber subscriber = subscribe(publisher, 10);
        publisher.publish(numbered(1));
        executor.runAll();
        assertThat(subscriber.numbers()).containsExactly(1);
    }

    @Test
    void aThrowingSubscriberIsCancelledAndTheOthersCarryOn() {
        EventPublisher publisher = publisher(8, OverflowPolicy.DROP_OLDEST);
        CountDownLatch called = new CountDownLatch(2);
        Flow.Subscriber<VibeEvent> throwing = new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(10);
            }

            @Override
            public void onNext(VibeEvent item) {
                called.countDown();
                throw new QuietFailure("cannot take it");
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        };
        publisher.subscribe(throwing);
        RecordingSubscriber healthy = subscribe(publisher, 10);
        publisher.publish(numbered(0));
        publisher.publish(numbered(1));
        executor.runAll();
        assertThat(called.getCount()).as("calls left after the first failure").isEqualTo(1);
        assertThat(healthy.numbers()).containsExactly(0, 1);
        assertThat(publisher.stats()).extracting(DeliveryStats::name).containsExactly("subscriber-2");
    }

    @Test
    void nullSubscriberIsRefused() {
        EventPublisher publisher = publisher(8, OverflowPolicy.DROP_OLDEST);
        assertThatThrownBy(() -> publisher.subscribe(null))
                .isInstanceOf(NullPointerException.class).hasMessage("subscriber must not be null");
    }

    @Test
    void subscribingTwiceIsIgnoredAndTheFirstSubscriptionGoesOn() {
        EventPublisher publisher = publisher(8, OverflowPolicy.DROP_OLDEST);
        RecordingSubscriber subscriber = subscribe(publisher, 10);
        publisher.subscribe(subscriber);
        executor.runAll();
        assertThat(publisher.stats()).hasSize(1);
        publisher.publish(numbered(1));
        executor.runAll();
        assertThat(subscriber.numbers()).containsExactly(1);
    }

    @Test
    void subscribingAfterCloseCompletesAtOnce() {
        EventPublisher publisher = publisher(8, OverflowPolicy.DROP_OLDEST);
        publisher.close();
        RecordingSubscriber subscriber = new RecordingSubscriber(5);
        subscribers.add(subscriber);
        publisher.subscribe(subscriber);
        assertThat(subscriber.isSubscribed()).isTrue();
        assertThat(subscriber.completed()).isTrue();
    }

    @Test
    void publishingAfterCloseFailsClearly() {
        EventPublisher publisher = publisher(8, OverflowPolicy.DROP_OLDEST);
        publisher.close();
        publisher.close();
        assertThatThrownBy(() -> publisher.onEvent(numbered(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("EventPublisher is closed: cannot publish AnomalyEvent after close()");
    }

    @Test
    void theBuilderRefusesBlockAndBadCapacityAndSecondSettings() {
        assertThatThrownBy(() -> EventPublisher.builder().overflowPolicy(OverflowPolicy.BLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("overflowPolicy must be DROP_OLDEST or DROP_NEWEST");
        assertThatThrownBy(() -> EventPublisher.builder().bufferCapacity(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bufferCapacity must be >= 1: 0");
        assertThatThrownBy(() -> EventPublisher.builder().bufferCapacity(8).bufferCapacity(16))
                .isInstanceOf(IllegalStateException.class).hasMessage("bufferCapacity was already set to 8");
        assertThatThrownBy(() -> EventPublisher.builder().executor(executor).executor(executor))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("executor was already set to");
    }

    @Test
    void eventsAreDetachedSoAReusedFrameMayChangeAfterPublish() {
        EventPublisher publisher = publisher(8, OverflowPolicy.DROP_OLDEST);
        RecordingSubscriber subscriber = subscribe(publisher, 10);
        MutableFleetFrame frame = new MutableFleetFrame(Fleet.defaultFleet(), MetricSet.standard());
        frame.set(0, MetricSet.CPU, 10.0);
        publisher.publish(new FrameEvent(frame.view()));
        frame.set(0, MetricSet.CPU, 20.0);
        executor.runAll();
        assertThat(((FrameEvent) subscriber.received().get(0)).frame().value(0, MetricSet.CPU)).isEqualTo(10.0);
    }

    @Test
    void withItsOwnThreadsDemandIsNeverExceededAndEveryEventIsDeliveredOrDropped() throws InterruptedException {
        int capacity = 16;
        int published = 1_000;
        EventPublisher publisher = EventPublisher.builder().bufferCapacity(capacity)
                .overflowPolicy(OverflowPolicy.DROP_OLDEST).build();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        AtomicReference<Thread> signalThread = new AtomicReference<>();
        // Requests one at a time from onNext, and holds the first onNext until the producer is done.
        RecordingSubscriber subscriber = new RecordingSubscriber(1) {
            @Override
            public void onNext(VibeEvent item) {
                super.onNext(item);
                signalThread.set(Thread.currentThread());
                entered.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                request(1);
            }
        };
        subscribers.add(subscriber);
        publisher.subscribe(subscriber);
        publisher.publish(numbered(0));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i < published; i++) {
            publisher.publish(numbered(i));
        }
        assertThat(publisher.stats()).containsExactly(
                new DeliveryStats("subscriber-1", 0, published - 1 - capacity, 0, 1 + capacity));

        gate.countDown();
        publisher.close();
        subscriber.awaitTermination();
        List<Integer> expected = new ArrayList<>(List.of(0));
        for (int i = published - capacity; i < published; i++) {
            expected.add(i);
        }
        assertThat(subscriber.numbers()).containsExactlyElementsOf(expected);
        assertThat(subscriber.completed()).isTrue();

        // The publisher's own pool shuts down once every subscription has ended.
        Thread thread = signalThread.get();
        assertThat(thread.getName()).startsWith("vibe-publisher-");
        thread.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void manySubscribersUnderConcurrentPublishersEachGetEverythingInOrder() throws InterruptedException {
        int published = 20_000;
        EventPublisher publisher = EventPublisher.builder().bufferCapacity(published)
                .overflowPolicy(OverflowPolicy.DROP_NEWEST).build();
        List<RecordingSubscriber> batchers = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            int batch = 1 + s * 7;
            // Asks for a new batch only when the previous one has fully arrived.
            RecordingSubscriber subscriber = new RecordingSubscriber(batch) {
                private int leftInBatch = batch;

                @Override
                public void onNext(VibeEvent item) {
                    super.onNext(item);
                    if (--leftInBatch == 0) {
                        leftInBatch = batch;
                        request(batch);
                    }
                }
            };
            batchers.add(subscriber);
            subscribers.add(subscriber);
            publisher.subscribe(subscriber);
        }
        for (int i = 0; i < published; i++) {
            publisher.publish(numbered(i));
        }
        publisher.close();
        for (RecordingSubscriber subscriber : batchers) {
            subscriber.awaitTermination();
            assertThat(subscriber.received()).hasSize(published);
            assertThat(subscriber.numbers()).isSorted();
        }
    }
}
