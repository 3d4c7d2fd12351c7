package io.openmanager.vibe.spi;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.InstantSource;

import static io.openmanager.vibe.spi.TestEvents.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configuration checks, names, and what close promises. */
class DispatcherLifecycleTest {

    @Test
    void capacityMustBeAtLeastOneAndTheMessageNamesFieldAndValue() {
        assertThatThrownBy(() -> Delivery.asynchronous(0, OverflowPolicy.BLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("capacity must be >= 1: 0");
        assertThatThrownBy(() -> Delivery.asynchronous(-5, OverflowPolicy.DROP_OLDEST))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("capacity must be >= 1: -5");
        assertThatThrownBy(() -> Delivery.asynchronous(1, null))
                .isInstanceOf(NullPointerException.class).hasMessage("overflowPolicy must not be null");
    }

    @Test
    void intervalMustBePositive() {
        assertThatThrownBy(() -> Delivery.throttled(Duration.ZERO, e -> e))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("interval must be > 0: PT0S");
        assertThatThrownBy(() -> Delivery.throttled(Duration.ofMillis(-1), e -> e))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("interval must be > 0: PT-0.001S");
        assertThatThrownBy(() -> Delivery.throttled(Duration.ofSeconds(1), null))
                .isInstanceOf(NullPointerException.class).hasMessage("keyFunction must not be null");
    }

    @Test
    void listenerNameAndDeliveryAreRequired() {
        Dispatcher.Builder builder = Dispatcher.builder();
        assertThatThrownBy(() -> builder.listener(null))
                .isInstanceOf(NullPointerException.class).hasMessage("listener must not be null");
        assertThatThrownBy(() -> builder.listener("x", e -> { }, null))
                .isInstanceOf(NullPointerException.class).hasMessage("delivery must not be null");
        assertThatThrownBy(() -> builder.listener(null, e -> { }))
                .isInstanceOf(NullPointerException.class).hasMessage("name must not be null");
        assertThatThrownBy(() -> builder.listener(" ", e -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("name must not be blank: ' '");
        assertThatThrownBy(() -> Dispatcher.synchronous(e -> { }, null))
                .isInstanceOf(NullPointerException.class).hasMessage("listeners[1] must not be null");
    }

    @Test
    void namesAreUniqueAndDefaultToTheirPosition() {
        Dispatcher.Builder builder = Dispatcher.builder().listener(e -> { }).listener("ui", e -> { });
        assertThatThrownBy(() -> builder.listener("ui", e -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must be unique: 'ui' is already used by listener #2");
        assertThatThrownBy(() -> builder.listener("listener-1", e -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must be unique: 'listener-1' is already used by listener #1");
        try (Dispatcher dispatcher = builder.listener(e -> { }, Delivery.synchronous()).build()) {
            assertThat(dispatcher.stats()).extracting(DeliveryStats::name)
                    .containsExactly("listener-1", "ui", "listener-3");
        }
    }

    @Test
    void theClockIsSetOnce() {
        Dispatcher.Builder builder = Dispatcher.builder().clock(InstantSource.system());
        assertThatThrownBy(() -> builder.clock(InstantSource.system()))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("clock was already set to ");
    }

    @Test
    void publishingAfterCloseFailsClearly() {
        Dispatcher dispatcher = Dispatcher.synchronous(e -> { });
        dispatcher.close();
        assertThatThrownBy(() -> dispatcher.publish(numbered(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Dispatcher is closed: cannot publish AnomalyEvent after close()");
        assertThatThrownBy(() -> dispatcher.onEvent(numbered(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> dispatcher.publish(null))
                .isInstanceOf(NullPointerException.class).hasMessage("event must not be null");
    }

    @Test
    void closeIsIdempotent() {
        RecordingListener listener = new RecordingListener();
        Dispatcher dispatcher = Dispatcher.builder()
                .listener("async", listener, Delivery.asynchronous(4, OverflowPolicy.BLOCK))
                .build();
        dispatcher.publish(numbered(1));
        dispatcher.close();
        dispatcher.close();
        assertThat(listener.numbers()).containsExactly(1);
        assertThat(dispatcher.toString()).endsWith("(closed)");
    }

    @Test
    void aBuilderMakesIndependentDispatchers() {
        RecordingListener listener = new RecordingListener();
        Dispatcher.Builder builder = Dispatcher.builder()
                .listener("async", listener, Delivery.asynchronous(4, OverflowPolicy.BLOCK));
        Dispatcher first = builder.build();
        Dispatcher second = builder.build();
        first.close();
        second.publish(numbered(2));
        second.close();
        assertThat(listener.numbers()).containsExactly(2);
        assertThat(first.stats().get(0).delivered()).isZero();
    }

    @Test
    void toStringListsTheListenersAndTheirDelivery() {
        try (Dispatcher dispatcher = Dispatcher.builder()
                .listener("analytics", e -> { })
                .listener("kafka", e -> { }, Delivery.asynchronous(4096, OverflowPolicy.BLOCK))
                .listener("ui", e -> { }, Delivery.throttled(Duration.ofSeconds(1), e -> e.getClass()))
                .build()) {
            assertThat(dispatcher).hasToString("Dispatcher[analytics: synchronous, "
                    + "kafka: asynchronous(capacity=4096, BLOCK), ui: throttled(interval=PT1S)]");
        }
    }
}
