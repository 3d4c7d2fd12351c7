package io.openmanager.vibe.spi.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.openmanager.vibe.core.alert.Severity;
import io.openmanager.vibe.spi.Delivery;
import io.openmanager.vibe.spi.DeliveryStats;
import io.openmanager.vibe.spi.Dispatcher;
import io.openmanager.vibe.spi.ListenerErrorHandler;
import io.openmanager.vibe.spi.OverflowPolicy;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Issue 17, findings 13 and 21: listeners that throw anything, and how loud that is. */
class ListenerFailureHostileTest {

    enum Mode {
        SYNCHRONOUS(Delivery::synchronous),
        ASYNCHRONOUS(() -> Delivery.asynchronous(1, OverflowPolicy.BLOCK)),
        THROTTLED(() -> Delivery.throttled(Duration.ofNanos(1), event -> ((AnomalyEvent) event).value()));

        final Supplier<Delivery> delivery;

        Mode(Supplier<Delivery> delivery) {
            this.delivery = delivery;
        }
    }

    private static AnomalyEvent event(int number) {
        return new AnomalyEvent(Instant.EPOCH.plusSeconds(number), "web-01", "cpu", number, Double.NaN, Double.NaN,
                Double.NaN, 0.5, Severity.WARNING, "test", "event " + number);
    }

    private static String capturingStandardError(Runnable run) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        // slf4j-simple writes to whatever System.err is at the time of the call.
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aFailureWhoseMessageToStringAndStackTraceThrowIsCountedAndGoesNoFurther(Mode mode) {
        List<Integer> others = new ArrayList<>();
        String log = capturingStandardError(() -> assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (Dispatcher dispatcher = Dispatcher.builder()
                    .listener("hostile", event -> {
                        throw new HostileFailure();
                    }, mode.delivery.get())
                    .listener("other", event -> others.add((int) ((AnomalyEvent) event).value()))
                    .build()) {
                for (int i = 0; i < 50; i++) {
                    dispatcher.publish(event(i));
                }
                dispatcher.close();
                DeliveryStats stats = dispatcher.stats().get(0);
                assertThat(stats.failed()).isEqualTo(50);
                assertThat(stats.delivered() + stats.dropped() + stats.pending()).isZero();
            }
        }));
        assertThat(others).hasSize(50);
        assertThat(log).contains("'hostile' threw " + HostileFailure.class.getName()
                + " (its message cannot be read");
    }

    @Test
    void aListenerFailingOnEveryEventLogsOneStackTraceThenCounts() {
        String log = capturingStandardError(() -> {
            try (Dispatcher dispatcher = Dispatcher.builder()
                    .listener("grumpy", event -> {
                        throw new IllegalStateException("boom");
                    })
                    .build()) {
                for (int i = 0; i < 2000; i++) {
                    dispatcher.publish(event(i));
                }
            }
        });
        // One stack trace (its first line is the exception), not one per event.
        assertThat(log.lines().filter(line -> line.startsWith("java.lang.IllegalStateException: boom"))).hasSize(1);
        assertThat(log).contains("listener 'grumpy' threw java.lang.IllegalStateException: boom on AnomalyEvent")
                .contains("listener 'grumpy' failed 1999 more times since the last report (2000 in all;"
                        + " latest: java.lang.IllegalStateException)");
        assertThat(log.lines().filter(line -> line.contains("Vibe Dispatcher"))).hasSize(2);
    }

    @Test
    void anErrorHandlerReceivesEveryFailureAndOneThatThrowsIsIgnored() {
        List<String> seen = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        RuntimeException failure = new IllegalArgumentException("bad");
        try (Dispatcher dispatcher = Dispatcher.builder()
                .listener("a", event -> {
                    throw failure;
                })
                .errorHandler((listener, event, thrown) -> {
                    seen.add(listener + " " + ((AnomalyEvent) event).value() + " " + (thrown == failure));
                    if (calls.incrementAndGet() == 2) {
                        throw new HostileFailure();
                    }
                })
                .build()) {
            for (int i = 0; i < 3; i++) {
                dispatcher.publish(event(i));
            }
            assertThat(dispatcher.stats().get(0).failed()).isEqualTo(3);
        }
        assertThat(seen).containsExactly("a 0.0 true", "a 1.0 true", "a 2.0 true");
    }

    @Test
    void theErrorHandlerIsSetOnce() {
        ListenerErrorHandler quiet = (listener, event, failure) -> { };
        Dispatcher.Builder builder = Dispatcher.builder().errorHandler(quiet);
        assertThatThrownBy(() -> builder.errorHandler(quiet)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("errorHandler was already set");
    }

    @Test
    void describeNeverThrowsAndEscapesControlCharacters() {
        assertThat(ListenerErrorHandler.describe(new HostileFailure())).isEqualTo(HostileFailure.class.getName()
                + " (its message cannot be read: getMessage() threw java.lang.IllegalStateException)");
        assertThat(ListenerErrorHandler.describe(new IllegalStateException("title\u001b]0;pwned\u0007")))
                .isEqualTo("java.lang.IllegalStateException: title\\u001b]0;pwned\\u0007");
        assertThat(ListenerErrorHandler.describe(null)).isEqualTo("null");
    }

    /** Publishes to a failing listener: run without an SLF4J provider by {@link NoLoggingProviderTest}. */
    static final class FailingListenerMain {
        public static void main(String[] args) {
            try (Dispatcher dispatcher = Dispatcher.builder()
                    .listener("quiet-one", event -> {
                        throw new IllegalStateException("nobody hears me");
                    })
                    .build()) {
                for (int i = 0; i < 100; i++) {
                    VibeEvent e = event(i);
                    dispatcher.publish(e);
                }
            }
        }
    }
}
