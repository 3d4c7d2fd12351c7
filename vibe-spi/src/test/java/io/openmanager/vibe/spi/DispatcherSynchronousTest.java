package io.openmanager.vibe.spi;

import io.openmanager.vibe.spi.event.VibeEvent;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import static io.openmanager.vibe.spi.TestEvents.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class DispatcherSynchronousTest {

    @Property(tries = 200)
    void everyListenerReceivesEverySequenceInPublicationOrder(
            @ForAll @Size(max = 100) List<@IntRange(min = 0, max = 1_000) Integer> numbers,
            @ForAll @IntRange(min = 1, max = 5) int listenerCount) {
        List<VibeEvent> events = new ArrayList<>();
        for (int n : numbers) {
            events.add(numbered(n));
        }
        RecordingListener[] listeners = new RecordingListener[listenerCount];
        for (int i = 0; i < listenerCount; i++) {
            listeners[i] = new RecordingListener();
        }
        try (Dispatcher dispatcher = Dispatcher.synchronous(listeners)) {
            events.forEach(dispatcher::publish);
            for (RecordingListener listener : listeners) {
                // Same instances, same order: synchronous delivery neither copies nor reorders.
                assertThat(listener.received()).containsExactlyElementsOf(events);
            }
            for (DeliveryStats stats : dispatcher.stats()) {
                assertThat(stats.delivered()).isEqualTo(events.size());
            }
        }
    }

    @Property(tries = 100)
    void aThrowingListenerIsIsolatedAndCounted(
            @ForAll @Size(max = 50) List<@IntRange(min = 0, max = 100) Integer> numbers,
            @ForAll @IntRange(min = 0, max = 2) int position) {
        RecordingListener before = new RecordingListener();
        RecordingListener after = new RecordingListener();
        // Throws on even numbers only, so that it also keeps working between failures.
        RecordingListener flaky = new RecordingListener() {
            @Override
            public void onEvent(VibeEvent event) {
                if (TestEvents.number(event) % 2 == 0) {
                    throw new QuietFailure("even numbers are not welcome");
                }
                super.onEvent(event);
            }
        };
        List<VibeListener> order = new ArrayList<>(List.of(before, after));
        order.add(position, flaky);
        long evens = numbers.stream().filter(n -> n % 2 == 0).count();
        try (Dispatcher dispatcher = Dispatcher.synchronous(order.toArray(new VibeListener[0]))) {
            for (int n : numbers) {
                dispatcher.publish(numbered(n));
            }
            assertThat(before.numbers()).containsExactlyElementsOf(numbers);
            assertThat(after.numbers()).containsExactlyElementsOf(numbers);
            DeliveryStats flakyStats = dispatcher.stats().get(position);
            assertThat(flakyStats.failed()).isEqualTo(evens);
            assertThat(flakyStats.delivered()).isEqualTo(numbers.size() - evens);
        }
    }

    @Test
    void aFailureIsLoggedAtWarnWithTheListenerNameAndEventType() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        // slf4j-simple writes to whatever System.err is at the time of the call.
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Dispatcher dispatcher = Dispatcher.builder()
                .listener("grumpy", e -> {
                    throw new QuietFailure("no thanks");
                })
                .build()) {
            dispatcher.publish(numbered(1));
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("WARN").contains("'grumpy'").contains("AnomalyEvent").contains("no thanks");
    }

    @Test
    void listenersAreCalledInRegistrationOrderForEachEvent() {
        List<String> calls = new ArrayList<>();
        try (Dispatcher dispatcher = Dispatcher.builder()
                .listener("a", e -> calls.add("a" + TestEvents.number(e)))
                .listener("b", e -> calls.add("b" + TestEvents.number(e)))
                .build()) {
            dispatcher.publish(numbered(1));
            dispatcher.onEvent(numbered(2));
        }
        assertThat(calls).containsExactly("a1", "b1", "a2", "b2");
    }

    @Test
    void synchronousDeliveryPassesTheEventItselfWithoutDetachingIt() {
        RecordingListener listener = new RecordingListener();
        VibeEvent event = numbered(7);
        try (Dispatcher dispatcher = Dispatcher.synchronous(listener)) {
            dispatcher.publish(event);
        }
        assertThat(listener.received().get(0)).isSameAs(event);
    }

    @Test
    void theSynchronousPathAllocatesNothingPerEvent() {
        LongSupplier allocatedBytes = allocatedBytesOfCurrentThread();
        assumeThat(allocatedBytes).as("a ThreadMXBean that measures allocation").isNotNull();
        long[] counter = new long[1];
        VibeEvent event = numbered(1);
        try (Dispatcher dispatcher = Dispatcher.synchronous(e -> counter[0]++, e -> counter[0]++,
                Listeners.forServer("web-01", e -> counter[0]++))) {
            for (int i = 0; i < 20_000; i++) {
                dispatcher.publish(event);
            }
            int events = 100_000;
            long before = allocatedBytes.getAsLong();
            for (int i = 0; i < events; i++) {
                dispatcher.publish(event);
            }
            long bytes = allocatedBytes.getAsLong() - before;
            // One object per event would be at least 16 bytes each, 1.6 MB in all; allow for the measuring itself.
            assertThat(bytes).as("bytes allocated for %d events", events).isLessThan(events / 10);
        }
        assertThat(counter[0]).isEqualTo(3 * 120_000L);
    }

    /**
     * Bytes allocated so far by the calling thread, or null if the platform cannot tell. Found reflectively: the tests
     * are compiled inside this module, which does not read java.management.
     */
    private static LongSupplier allocatedBytesOfCurrentThread() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            Class<?> sunBean = Class.forName("com.sun.management.ThreadMXBean");
            if (!sunBean.isInstance(bean)) {
                return null;
            }
            boolean supported = (boolean) sunBean.getMethod("isThreadAllocatedMemorySupported").invoke(bean);
            if (!supported) {
                return null;
            }
            sunBean.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
            Method current = sunBean.getMethod("getCurrentThreadAllocatedBytes");
            return () -> {
                try {
                    return (long) current.invoke(bean);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Test
    void aDispatcherWithNoListenerAcceptsEvents() {
        try (Dispatcher dispatcher = Dispatcher.builder().build()) {
            dispatcher.publish(numbered(1));
            assertThat(dispatcher.stats()).isEmpty();
        }
    }

    @Test
    void dispatchersNest() {
        RecordingListener leaf = new RecordingListener();
        try (Dispatcher inner = Dispatcher.synchronous(leaf); Dispatcher outer = Dispatcher.synchronous(inner)) {
            outer.publish(numbered(5));
        }
        assertThat(leaf.numbers()).isEqualTo(List.of(5));
    }
}
