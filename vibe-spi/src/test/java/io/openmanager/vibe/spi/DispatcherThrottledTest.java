package io.openmanager.vibe.spi;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.frame.MutableFleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.openmanager.vibe.spi.TestEvents.numbered;
import static org.assertj.core.api.Assertions.assertThat;

class DispatcherThrottledTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final FakeClock clock = new FakeClock(Instant.parse("2026-01-05T00:00:00Z"));
    private final RecordingListener listener = new RecordingListener();

    /** Throttled per server id, one second: what OpenManager's UI stream does. */
    private Dispatcher throttledPerServer() {
        return Dispatcher.builder()
                .clock(clock)
                .listener("ui", listener, Delivery.throttled(SECOND, e -> ((AnomalyEvent) e).serverId()))
                .build();
    }

    @Test
    void theLatestEventPerKeyIsDeliveredAtMostOncePerInterval() {
        Dispatcher dispatcher = throttledPerServer();
        dispatcher.publish(numbered("a", 1));           // t=0: a never delivered: at once
        clock.advanceMillis(500);
        dispatcher.publish(numbered("a", 2));           // t=0.5: within a's interval: pending
        clock.advanceMillis(300);
        dispatcher.publish(numbered("a", 3));           // t=0.8: replaces a2, which is dropped
        clock.advanceMillis(100);
        dispatcher.publish(numbered("b", 4));           // t=0.9: b never delivered: at once; a3 not yet due
        assertThat(listener.numbers()).containsExactly(1, 4);
        assertThat(dispatcher.stats().get(0)).isEqualTo(new DeliveryStats("ui", 2, 1, 0, 1));

        clock.advanceMillis(100);
        dispatcher.publish(numbered("b", 5));           // t=1.0: a3 due exactly now: flushed first; b5 pending
        assertThat(listener.numbers()).containsExactly(1, 4, 3);
        assertThat(dispatcher.stats().get(0)).isEqualTo(new DeliveryStats("ui", 3, 1, 0, 1));

        dispatcher.close();                             // close flushes b5
        assertThat(listener.numbers()).containsExactly(1, 4, 3, 5);
        assertThat(dispatcher.stats().get(0)).isEqualTo(new DeliveryStats("ui", 4, 1, 0, 0));
    }

    @Test
    void aNewerEventForADueKeyGoesOutAtOnceAndSupersedesItsStalePendingOne() {
        Dispatcher dispatcher = throttledPerServer();
        dispatcher.publish(numbered("a", 1));
        clock.advanceMillis(500);
        dispatcher.publish(numbered("a", 2));
        clock.advanceMillis(1_000);
        dispatcher.publish(numbered("a", 3));           // t=1.5: a due; a2 is stale
        assertThat(listener.numbers()).containsExactly(1, 3);
        dispatcher.close();
        assertThat(listener.numbers()).containsExactly(1, 3);
        assertThat(dispatcher.stats().get(0)).isEqualTo(new DeliveryStats("ui", 2, 1, 0, 0));
    }

    @Test
    void pendingEventsWaitForALaterPublishThereIsNoTimer() {
        Dispatcher dispatcher = throttledPerServer();
        dispatcher.publish(numbered("a", 1));
        dispatcher.publish(numbered("a", 2));
        clock.advance(Duration.ofHours(1));
        assertThat(listener.numbers()).containsExactly(1);
        dispatcher.publish(numbered("b", 3));
        assertThat(listener.numbers()).containsExactly(1, 2, 3);
    }

    @Test
    void dueKeysAreFlushedInTheOrderTheyBecamePending() {
        Dispatcher dispatcher = throttledPerServer();
        dispatcher.publish(numbered("a", 1));
        dispatcher.publish(numbered("b", 2));
        dispatcher.publish(numbered("b", 3));
        dispatcher.publish(numbered("a", 4));
        clock.advance(SECOND);
        dispatcher.publish(numbered("c", 5));
        assertThat(listener.numbers()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aClockThatGoesBackwardsMakesTheKeyDue() {
        Dispatcher dispatcher = throttledPerServer();
        dispatcher.publish(numbered("a", 1));
        clock.advanceMillis(-10);
        dispatcher.publish(numbered("a", 2));
        assertThat(listener.numbers()).containsExactly(1, 2);
    }

    @Test
    void keysAreWhateverTheKeyFunctionReturnsForExampleTheEventType() {
        Dispatcher dispatcher = Dispatcher.builder()
                .clock(clock)
                .listener("ui", listener, Delivery.throttled(SECOND, VibeEvent::getClass))
                .build();
        dispatcher.publish(numbered("a", 1));
        dispatcher.publish(numbered("b", 2));           // same type as a1: pending
        assertThat(listener.numbers()).containsExactly(1);
        dispatcher.close();
        assertThat(listener.numbers()).containsExactly(1, 2);
    }

    @Test
    void aThrowingListenerOrKeyFunctionIsCountedAndTheOthersCarryOn() {
        RecordingListener healthy = new RecordingListener();
        Dispatcher dispatcher = Dispatcher.builder()
                .clock(clock)
                .listener("flaky", e -> {
                    throw new QuietFailure("cannot draw");
                }, Delivery.throttled(SECOND, e -> ((AnomalyEvent) e).serverId()))
                .listener("bad-key", e -> { }, Delivery.throttled(SECOND, e -> {
                    throw new QuietFailure("no key");
                }))
                .listener("healthy", healthy)
                .build();
        dispatcher.publish(numbered("a", 1));
        dispatcher.publish(numbered("a", 2));
        clock.advance(SECOND);
        dispatcher.publish(numbered("b", 3));
        dispatcher.close();
        assertThat(healthy.numbers()).containsExactly(1, 2, 3);
        assertThat(dispatcher.stats().get(0)).isEqualTo(new DeliveryStats("flaky", 0, 0, 3, 0));
        assertThat(dispatcher.stats().get(1)).isEqualTo(new DeliveryStats("bad-key", 0, 0, 3, 0));
    }

    @Test
    void aHeldBackFrameIsDetachedSoTheProducerMayReuseIt() {
        MutableFleetFrame frame = new MutableFleetFrame(Fleet.defaultFleet(), MetricSet.standard());
        FrameEvent event = new FrameEvent(frame.view());
        List<Double> cpu = new ArrayList<>();
        Dispatcher dispatcher = Dispatcher.builder()
                .clock(clock)
                .listener("ui", e -> cpu.add(((FrameEvent) e).frame().value(0, MetricSet.CPU)),
                        Delivery.throttled(SECOND, VibeEvent::getClass))
                .build();
        frame.set(0, MetricSet.CPU, 10.0);
        dispatcher.publish(event);
        frame.set(0, MetricSet.CPU, 20.0);
        dispatcher.publish(event);                      // held back: must keep 20 even when the frame changes
        frame.set(0, MetricSet.CPU, 30.0);
        dispatcher.close();
        assertThat(cpu).containsExactly(10.0, 20.0);
    }

    @Test
    void manyShortLivedKeysDoNotAccumulate() {
        Dispatcher dispatcher = throttledPerServer();
        for (int i = 0; i < 10_000; i++) {
            dispatcher.publish(numbered("server-" + i, i));
            clock.advance(SECOND);
        }
        dispatcher.close();
        assertThat(listener.received()).hasSize(10_000);
    }

    /** One step of a random run: publish for a key after moving the clock forward. */
    record Step(int key, long advanceMillis) {
    }

    @Provide
    Arbitrary<List<Step>> runs() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.longs().between(0, 1_500)).as(Step::new);
        return step.list().ofMaxSize(80);
    }

    @Property(tries = 300)
    void throttlingKeepsItsPromises(@ForAll("runs") List<Step> run) {
        long intervalMillis = 1_000;
        FakeClock time = new FakeClock(Instant.EPOCH);
        Map<String, List<Long>> deliveryTimes = new HashMap<>();
        Map<String, List<Integer>> deliveredNumbers = new HashMap<>();
        boolean[] closing = {false};
        Dispatcher dispatcher = Dispatcher.builder()
                .clock(time)
                .listener("ui", e -> {
                    AnomalyEvent anomaly = (AnomalyEvent) e;
                    if (!closing[0]) {
                        deliveryTimes.computeIfAbsent(anomaly.serverId(), k -> new ArrayList<>())
                                .add(time.instant().toEpochMilli());
                    }
                    deliveredNumbers.computeIfAbsent(anomaly.serverId(), k -> new ArrayList<>())
                            .add(TestEvents.number(e));
                }, Delivery.throttled(Duration.ofMillis(intervalMillis), e -> ((AnomalyEvent) e).serverId()))
                .build();

        Map<String, Integer> lastPublished = new HashMap<>();
        for (int i = 0; i < run.size(); i++) {
            Step step = run.get(i);
            time.advanceMillis(step.advanceMillis());
            String key = "k" + step.key();
            List<Long> times = deliveryTimes.getOrDefault(key, List.of());
            long now = time.instant().toEpochMilli();
            boolean due = times.isEmpty() || now - times.get(times.size() - 1) >= intervalMillis;
            dispatcher.publish(numbered(key, i));
            lastPublished.put(key, i);
            if (due) {
                List<Integer> numbers = deliveredNumbers.get(key);
                assertThat(numbers.get(numbers.size() - 1)).as("a due key is delivered at once").isEqualTo(i);
            }
        }
        closing[0] = true;
        dispatcher.close();

        DeliveryStats stats = dispatcher.stats().get(0);
        assertThat(stats.delivered() + stats.dropped()).isEqualTo(run.size());
        assertThat(stats.failed()).isZero();
        assertThat(stats.pending()).isZero();
        for (Map.Entry<String, List<Long>> entry : deliveryTimes.entrySet()) {
            List<Long> times = entry.getValue();
            for (int i = 1; i < times.size(); i++) {
                assertThat(times.get(i) - times.get(i - 1)).as("gap between deliveries of %s", entry.getKey())
                        .isGreaterThanOrEqualTo(intervalMillis);
            }
        }
        for (Map.Entry<String, Integer> entry : lastPublished.entrySet()) {
            List<Integer> numbers = deliveredNumbers.get(entry.getKey());
            assertThat(numbers).as("deliveries of %s", entry.getKey()).isSorted();
            assertThat(numbers.get(numbers.size() - 1)).as("the latest event of %s is delivered", entry.getKey())
                    .isEqualTo(entry.getValue());
        }
    }
}
