package io.openmanager.vibe.spi;

import io.openmanager.vibe.spi.event.VibeEvent;

import java.time.InstantSource;

/**
 * What a {@link Dispatcher} does when one of its listeners throws (or the key function of a throttled listener does).
 * The failure is always counted in {@link DeliveryStats#failed()} and never reaches the producer or the other
 * listeners; the handler only decides how it is reported. Set one with
 * {@link Dispatcher.Builder#errorHandler(ListenerErrorHandler)}; the default is {@link #logging()}.
 *
 * <pre>{@code
 * Dispatcher dispatcher = Dispatcher.builder()
 *         .listener("kafka", exporter)
 *         .errorHandler((listener, event, failure) -> metrics.counter("vibe.listener.failures", "listener", listener)
 *                 .increment())
 *         .build();
 * }</pre>
 *
 * <p>The handler is called on the thread that delivered the event (the publisher's for synchronous and throttled
 * listeners, the listener's own thread for asynchronous ones), possibly from several threads at once. A handler that
 * throws is ignored: its failure cannot harm delivery either.
 */
@FunctionalInterface
public interface ListenerErrorHandler {

    /**
     * Reports one failure.
     *
     * @param listener the listener's name in its dispatcher
     * @param event    the event it failed on
     * @param failure  what it threw; beware that a hostile failure's {@code getMessage()}, {@code toString()} or
     *                 {@code printStackTrace()} may themselves throw ({@link #describe(Throwable)} never does)
     */
    void onFailure(String listener, VibeEvent event, Throwable failure);

    /**
     * The default handler: logs through SLF4J at WARN, the first failure of each listener in full (with its stack
     * trace), then at most one line a minute per listener with the number of failures since the last line and the
     * type of the latest; when the dispatcher closes, a last line for failures not yet reported. When no SLF4J
     * provider is bound (where SLF4J would discard everything), the same reports go to standard error as one line
     * each, without stack traces, so that a failing listener is never invisible. Time comes from the system clock.
     *
     * @return a new logging handler, with its own counts
     */
    static ListenerErrorHandler logging() {
        return FailureLog.create(InstantSource.system());
    }

    /**
     * Describes a failure as {@code type: message} without ever throwing: a message that cannot be read (its getter
     * throws) is described as such, and control characters are escaped.
     *
     * @param failure the failure, or null
     * @return the description, for example {@code java.lang.IllegalStateException: queue full}
     */
    static String describe(Throwable failure) {
        return FailureLog.describe(failure);
    }
}
