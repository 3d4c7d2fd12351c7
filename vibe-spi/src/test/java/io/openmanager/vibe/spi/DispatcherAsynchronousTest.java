package io.openmanager.vibe.spi;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.frame.MutableFleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static io.openmanager.vibe.spi.TestEvents.numbered;
import static org.assertj.core.api.Assertions.assertThat;

class DispatcherAsynchronousTest {
    private static final int CAPACITY = 3;

    private static Dispatcher asynchronous(String name, VibeListener listener, int capacity, OverflowPolicy policy) {
        return Dispatcher.builder().listener(name, listener, Delivery.asynchronous(capacity, policy)).build();
    }

    /** Publishes 0, waits until it is in flight, then publishes 1..9 into a queue of 3: the overflow is known. */
    private static DeliveryStats fillWhileBlocked(Dispatcher dispatcher, GatedListener listener)
            throws InterruptedException {
        dispatcher.publish(numbered(0));
        listener.awaitEntered();
        for (int i = 1; i < 10; i++) {
            dispatcher.publish(numbered(i));
        }
        return dispatcher.stats().get(0);
    }

    @Test
    void dropOldestDiscardsTheOldestQueuedEventsAndCountsThemExactly() throws InterruptedException {
        GatedListener listener = new GatedListener();
        Dispatcher dispatcher = asynchronous("dashboard", listener, CAPACITY, OverflowPolicy.DROP_OLDEST);
        DeliveryStats whileBlocked = fillWhileBlocked(dispatcher, listener);
        assertThat(whileBlocked).isEqualTo(new DeliveryStats("dashboard", 0, 6, 0, 1 + CAPACITY));

        listener.release();
        dispatcher.close();
        assertThat(listener.numbers()).containsExactly(0, 7, 8, 9);
        assertThat(dispatcher.stats().get(0)).isEqualTo(new DeliveryStats("dashboard", 4, 6, 0, 0));
    }

    @Test
    void dropNewestDiscardsTheArrivingEventsAndCountsThemExactly() throws InterruptedException {
        GatedListener listener = new GatedListener();
        Dispatcher dispatcher = asynchronous("archive", listener, CAPACITY, OverflowPolicy.DROP_NEWEST);
        DeliveryStats whileBlocked = fillWhileBlocked(dispatcher, listener);
        assertThat(whileBlocked).isEqualTo(new DeliveryStats("archive", 0, 6, 0, 1 + CAPACITY));

        listener.release();
        dispatcher.close();
        assertThat(listener.numbers()).containsExactly(0, 1, 2, 3);
        assertThat(dispatcher.stats().get(0)).isEqualTo(new DeliveryStats("archive", 4, 6, 0, 0));
    }

    @Test
    void blockMakesTheProducerWaitUntilThereIsRoomAndDropsNothing() throws InterruptedException {
        GatedListener listener = new GatedListener();
        Dispatcher dispatcher = asynchronous("kafka", listener, 2, OverflowPolicy.BLOCK);
        dispatcher.publish(numbered(0));
        listener.awaitEntered();
        dispatcher.publish(numbered(1));
        dispatcher.publish(numbered(2));

        CountDownLatch published = new CountDownLatch(1);
        Thread producer = new Thread(() -> {
            dispatcher.publish(numbered(3));
            published.countDown();
        }, "test-producer");
        producer.start();
        awaitState(producer, Thread.State.WAITING);
        assertThat(published.getCount()).as("publish returned while the queue was full").isEqualTo(1);

        listener.release();
        assertThat(published.await(10, TimeUnit.SECONDS)).isTrue();
        producer.join();
        dispatcher.close();
        assertThat(listener.numbers()).containsExactly(0, 1, 2, 3);
        assertThat(dispatcher.stats().get(0)).isEqualTo(new DeliveryStats("kafka", 4, 0, 0, 0));
    }

    @Test
    void anInterruptedBlockedProducerGivesUpCountsTheEventDroppedAndKeepsItsInterruptStatus()
            throws InterruptedException {
        GatedListener listener = new GatedListener();
        Dispatcher dispatcher = asynchronous("kafka", listener, 1, OverflowPolicy.BLOCK);
        dispatcher.publish(numbered(0));
        listener.awaitEntered();
        dispatcher.publish(numbered(1));

        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread producer = new Thread(() -> {
            dispatcher.publish(numbered(2));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        }, "test-producer");
        producer.start();
        awaitState(producer, Thread.State.WAITING);
        producer.interrupt();
        producer.join();
        assertThat(stillInterrupted).isTrue();

        listener.release();
        dispatcher.close();
        assertThat(listener.numbers()).containsExactly(0, 1);
        assertThat(dispatcher.stats().get(0)).isEqualTo(new DeliveryStats("kafka", 2, 1, 0, 0));
    }

    @ParameterizedTest
    @EnumSource(value = OverflowPolicy.class, names = {"DROP_OLDEST", "DROP_NEWEST"})
    void underConcurrentProducersEveryEventIsDeliveredOrCountedDropped(OverflowPolicy policy)
            throws InterruptedException {
        int producers = 4;
        int perProducer = 2_000;
        int capacity = 64;
        GatedListener listener = new GatedListener();
        Dispatcher dispatcher = asynchronous("ui", listener, capacity, policy);
        // The listener is held on a first event during the whole run: exactly 1 + capacity events can get through.
        dispatcher.publish(numbered("first", 0));
        listener.awaitEntered();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            String server = "server-" + p;
            Thread thread = new Thread(() -> {
                awaitQuietly(start);
                for (int i = 0; i < perProducer; i++) {
                    dispatcher.publish(numbered(server, i));
                }
            }, "test-producer-" + p);
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long published = 1 + (long) producers * perProducer;
        DeliveryStats whileBlocked = dispatcher.stats().get(0);
        assertThat(whileBlocked.pending()).isEqualTo(1 + capacity);
        assertThat(whileBlocked.dropped()).isEqualTo(published - 1 - capacity);

        listener.release();
        dispatcher.close();
        DeliveryStats stats = dispatcher.stats().get(0);
        assertThat(stats.delivered() + stats.dropped()).isEqualTo(published);
        assertThat(stats.delivered()).isEqualTo(1 + capacity).isEqualTo(listener.received().size());
        assertThat(stats.pending()).isZero();
        assertOrderedPerProducerWithoutDuplicates(listener.received());
    }

    @ParameterizedTest
    @EnumSource(OverflowPolicy.class)
    void whileTheListenerRunsEveryEventIsStillDeliveredOrCountedDropped(OverflowPolicy policy)
            throws InterruptedException {
        int producers = 4;
        int perProducer = 5_000;
        RecordingListener listener = new RecordingListener();
        Dispatcher dispatcher = asynchronous("ui", listener, 16, policy);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            String server = "server-" + p;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perProducer; i++) {
                    dispatcher.publish(numbered(server, i));
                }
            }, "test-producer-" + p);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        dispatcher.close();
        DeliveryStats stats = dispatcher.stats().get(0);
        assertThat(stats.delivered() + stats.dropped()).isEqualTo((long) producers * perProducer);
        assertThat(stats.delivered()).isEqualTo(listener.received().size());
        if (policy == OverflowPolicy.BLOCK) {
            assertThat(stats.dropped()).isZero();
        }
        assertOrderedPerProducerWithoutDuplicates(listener.received());
    }

    @Property(tries = 50)
    void withRoomForEverythingAnAsynchronousListenerReceivesEveryEventInOrder(
            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 1_000) Integer> numbers,
            @ForAll @IntRange(min = 1, max = 8) int capacity) {
        RecordingListener listener = new RecordingListener();
        // BLOCK never drops, whatever the capacity.
        try (Dispatcher dispatcher = asynchronous("ordered", listener, capacity, OverflowPolicy.BLOCK)) {
            for (int n : numbers) {
                dispatcher.publish(numbered(n));
            }
        }
        assertThat(listener.numbers()).containsExactlyElementsOf(numbers);
    }

    @Test
    void closeDeliversEverythingStillQueuedBeforeReturning() throws InterruptedException {
        GatedListener listener = new GatedListener();
        Dispatcher dispatcher = asynchronous("slow", listener, 100, OverflowPolicy.DROP_NEWEST);
        for (int i = 0; i < 10; i++) {
            dispatcher.publish(numbered(i));
        }
        listener.awaitEntered();
        Thread closer = new Thread(dispatcher::close, "test-closer");
        closer.start();
        // close is waiting for the delivery thread while nine events are still queued.
        awaitState(closer, Thread.State.WAITING);
        assertThat(listener.received()).hasSize(1);

        listener.release();
        closer.join();
        assertThat(listener.numbers()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(dispatcher.stats().get(0)).isEqualTo(new DeliveryStats("slow", 10, 0, 0, 0));
    }

    @Test
    void eachListenerHasItsOwnNamedDaemonThreadAndNoneOutlivesClose() throws InterruptedException {
        AtomicReference<Thread> seen = new AtomicReference<>();
        CountDownLatch delivered = new CountDownLatch(1);
        Dispatcher dispatcher = Dispatcher.builder()
                .listener("leak-a", e -> {
                    seen.set(Thread.currentThread());
                    delivered.countDown();
                }, Delivery.asynchronous(8, OverflowPolicy.DROP_OLDEST))
                .listener("leak-b", e -> { }, Delivery.asynchronous(8, OverflowPolicy.BLOCK))
                .listener("leak-c", e -> { }, Delivery.asynchronous(8, OverflowPolicy.DROP_NEWEST))
                .build();
        assertThat(dispatchThreadNames()).contains("vibe-dispatch-leak-a", "vibe-dispatch-leak-b",
                "vibe-dispatch-leak-c");
        dispatcher.publish(numbered(1));
        assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen.get().getName()).isEqualTo("vibe-dispatch-leak-a");
        assertThat(seen.get().isDaemon()).isTrue();

        dispatcher.close();
        assertThat(seen.get().isAlive()).isFalse();
        assertThat(dispatchThreadNames()).doesNotContain("vibe-dispatch-leak-a", "vibe-dispatch-leak-b",
                "vibe-dispatch-leak-c");
    }

    @Test
    void aThrowingAsynchronousListenerIsCountedAndDoesNotStopItsThreadOrTheOthers() {
        RecordingListener healthy = new RecordingListener();
        Dispatcher dispatcher = Dispatcher.builder()
                .listener("flaky", e -> {
                    if (TestEvents.number(e) % 3 == 0) {
                        throw new QuietFailure("multiples of three are not welcome");
                    }
                }, Delivery.asynchronous(100, OverflowPolicy.BLOCK))
                .listener("healthy", healthy, Delivery.asynchronous(100, OverflowPolicy.BLOCK))
                .build();
        for (int i = 0; i < 30; i++) {
            dispatcher.publish(numbered(i));
        }
        dispatcher.close();
        assertThat(dispatcher.stats().get(0)).isEqualTo(new DeliveryStats("flaky", 20, 0, 10, 0));
        assertThat(healthy.received()).hasSize(30);
    }

    @Test
    void eventsAreDetachedOncePerPublishSoAReusedFrameCanChangeAfterwards() {
        MutableFleetFrame frame = new MutableFleetFrame(Fleet.defaultFleet(), MetricSet.standard());
        RecordingListener first = new RecordingListener();
        RecordingListener second = new RecordingListener();
        RecordingListener synchronous = new RecordingListener();
        Dispatcher dispatcher = Dispatcher.builder()
                .listener("first", first, Delivery.asynchronous(10, OverflowPolicy.BLOCK))
                .listener("sync", synchronous)
                .listener("second", second, Delivery.asynchronous(10, OverflowPolicy.BLOCK))
                .build();
        FrameEvent published = new FrameEvent(frame.view());
        frame.set(0, MetricSet.CPU, 10.0);
        dispatcher.publish(published);
        frame.set(0, MetricSet.CPU, 20.0);
        dispatcher.publish(published);
        frame.set(0, MetricSet.CPU, 30.0);
        dispatcher.close();

        assertThat(cpuOfFirstServer(first.received())).containsExactly(10.0, 20.0);
        assertThat(cpuOfFirstServer(second.received())).containsExactly(10.0, 20.0);
        // One detached copy per publish, shared; the synchronous listener got the event itself.
        assertThat(first.received().get(0)).isSameAs(second.received().get(0)).isNotSameAs(published);
        assertThat(synchronous.received().get(0)).isSameAs(published);
    }

    @Test
    void aListenerMayCloseItsOwnDispatcher() throws InterruptedException {
        AtomicReference<Dispatcher> self = new AtomicReference<>();
        CountDownLatch published = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        RecordingListener other = new RecordingListener();
        Dispatcher dispatcher = Dispatcher.builder()
                .listener("closer", e -> {
                    awaitQuietly(published);
                    self.get().close();
                    closed.countDown();
                }, Delivery.asynchronous(10, OverflowPolicy.BLOCK))
                .listener("other", other, Delivery.asynchronous(10, OverflowPolicy.BLOCK))
                .build();
        self.set(dispatcher);
        dispatcher.publish(numbered(1));
        dispatcher.publish(numbered(2));
        published.countDown();
        assertThat(closed.await(10, TimeUnit.SECONDS)).as("close from the delivery thread returned").isTrue();
        dispatcher.close();
        assertThat(other.numbers()).containsExactly(1, 2);
        assertThat(dispatchThreadNames()).doesNotContain("vibe-dispatch-closer", "vibe-dispatch-other");
    }

    private static List<Double> cpuOfFirstServer(List<VibeEvent> events) {
        List<Double> values = new ArrayList<>();
        for (VibeEvent event : events) {
            values.add(((FrameEvent) event).frame().value(0, MetricSet.CPU));
        }
        return values;
    }

    private static void assertOrderedPerProducerWithoutDuplicates(List<VibeEvent> received) {
        Map<String, Integer> lastByProducer = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (VibeEvent event : received) {
            AnomalyEvent anomaly = (AnomalyEvent) event;
            int number = TestEvents.number(anomaly);
            assertThat(seen.add(anomaly.serverId() + "#" + number)).as("duplicate %s", anomaly).isTrue();
            Integer last = lastByProducer.put(anomaly.serverId(), number);
            if (last != null) {
                assertThat(number).as("order of %s", anomaly.serverId()).isGreaterThan(last);
            }
        }
    }

    static Set<String> dispatchThreadNames() {
        Set<String> names = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && thread.getName().startsWith("vibe-dispatch-")) {
                names.add(thread.getName());
            }
        }
        return names;
    }

    /** Waits (without sleeping a fixed time) until a thread parks in the given state; fails after 10 s. */
    static void awaitState(Thread thread, Thread.State state) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != state) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(thread.getName() + " never reached " + state + ", is " + thread.getState());
            }
            Thread.onSpinWait();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
