package io.openmanager.vibe.spi;

import io.openmanager.vibe.spi.event.VibeEvent;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Listeners that pass on only the events of interest. The filters allocate nothing per event beyond what the target
 * does, so they suit the synchronous path. For example:
 *
 * <pre>{@code
 * VibeListener alerts = Listeners.ofType(AlertRaisedEvent.class, e -> pager.send(e.alert()));
 * VibeListener web01Cpu = Listeners.forServer("web-01", Listeners.forMetric("cpu", ui::push));
 * }</pre>
 */
public final class Listeners {
    private Listeners() {
    }

    /**
     * A listener that passes events of one type, already cast, to an action and ignores the others.
     *
     * @param type   the event type to keep, for example {@code AlertRaisedEvent.class}
     * @param action what to do with each event of that type
     * @param <T>    the event type
     * @return the filtering listener
     */
    public static <T extends VibeEvent> VibeListener ofType(Class<T> type, Consumer<? super T> action) {
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(action, "action must not be null");
        return event -> {
            if (type.isInstance(event)) {
                action.accept(type.cast(event));
            }
        };
    }

    /**
     * A listener that passes on only the events about one server, as decided by
     * {@link VibeEvent#concernsServer(String)}. A frame concerns every server it holds values for.
     *
     * @param serverId the server's id
     * @param listener the target
     * @return the filtering listener
     */
    public static VibeListener forServer(String serverId, VibeListener listener) {
        Objects.requireNonNull(serverId, "serverId must not be null");
        Objects.requireNonNull(listener, "listener must not be null");
        return event -> {
            if (event.concernsServer(serverId)) {
                listener.onEvent(event);
            }
        };
    }

    /**
     * A listener that passes on only the events about one metric, as decided by
     * {@link VibeEvent#concernsMetric(String)}. Events about no metric (scenario events, for example) are not passed.
     *
     * @param metric   the metric's seed name, for example {@code cpu}
     * @param listener the target
     * @return the filtering listener
     */
    public static VibeListener forMetric(String metric, VibeListener listener) {
        Objects.requireNonNull(metric, "metric must not be null");
        Objects.requireNonNull(listener, "listener must not be null");
        return event -> {
            if (event.concernsMetric(metric)) {
                listener.onEvent(event);
            }
        };
    }

    /**
     * A listener that passes on only the events a predicate accepts.
     *
     * @param filter   which events to pass on
     * @param listener the target
     * @return the filtering listener
     */
    public static VibeListener filtered(Predicate<? super VibeEvent> filter, VibeListener listener) {
        Objects.requireNonNull(filter, "filter must not be null");
        Objects.requireNonNull(listener, "listener must not be null");
        return event -> {
            if (filter.test(event)) {
                listener.onEvent(event);
            }
        };
    }
}
