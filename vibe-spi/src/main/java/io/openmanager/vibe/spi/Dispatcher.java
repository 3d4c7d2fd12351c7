package io.openmanager.vibe.spi;

import io.openmanager.vibe.spi.event.VibeEvent;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Hands every published event to a fixed set of listeners, each with its own {@link Delivery}: synchronous (the
 * default), asynchronous through a bounded queue, or throttled per key. Delivery never harms the producer: whatever a
 * listener throws (any {@link Throwable}, even one whose message or stack trace throws in turn) is counted, handed to
 * the {@linkplain Builder#errorHandler(ListenerErrorHandler) error handler} and goes no further, and the producer and
 * the other listeners carry on. The default handler logs the first failure of each listener in full and then counts
 * (see {@link ListenerErrorHandler#logging()}).
 *
 * <pre>{@code
 * try (Dispatcher dispatcher = Dispatcher.builder()
 *         .listener("analytics", pipeline)                                        // synchronous
 *         .listener("kafka", exporter, Delivery.asynchronous(4096, OverflowPolicy.BLOCK))
 *         .listener("ui", socket, Delivery.throttled(Duration.ofSeconds(1), e -> e.getClass()))
 *         .build()) {
 *     engine.run(dispatcher);                                                     // a Dispatcher is a VibeListener
 *     log.info("delivery: {}", dispatcher.stats());
 * }
 * }</pre>
 *
 * <p>Listeners are called in registration order for each event. {@link #publish(VibeEvent)} may be called from
 * several threads; see each {@link Delivery} for what a listener then observes. Publishing allocates nothing per event
 * on its own when every listener is synchronous; asynchronous and throttled listeners may cost one
 * {@link VibeEvent#detached()} copy per publish (shared between them) so that they can keep the event.
 *
 * <p>A dispatcher owns one thread per asynchronous listener, from {@link Builder#build()} until {@link #close()}.
 */
public final class Dispatcher implements VibeListener, AutoCloseable {
    private final Route[] routes;
    private final ListenerErrorHandler errorHandler;
    private final Object closeLock = new Object();
    private volatile boolean closed;

    private Dispatcher(Route[] routes, ListenerErrorHandler errorHandler) {
        this.routes = routes;
        this.errorHandler = errorHandler;
    }

    /**
     * Starts configuring a dispatcher.
     *
     * @return a new builder with no listeners
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A dispatcher that delivers synchronously to these listeners, in this order, named {@code listener-1},
     * {@code listener-2}, ...
     *
     * @param listeners the listeners, none null
     * @return the dispatcher, which owns no thread
     */
    public static Dispatcher synchronous(VibeListener... listeners) {
        Objects.requireNonNull(listeners, "listeners must not be null");
        Builder builder = builder();
        for (int i = 0; i < listeners.length; i++) {
            if (listeners[i] == null) {
                throw new NullPointerException("listeners[" + i + "] must not be null");
            }
            builder.listener(listeners[i]);
        }
        return builder.build();
    }

    /**
     * Hands the event to every listener. Returns once the synchronous and throttled listeners are done and the
     * asynchronous ones have queued it (or, under {@link OverflowPolicy#BLOCK}, once their queues had room).
     *
     * @param event the event
     * @throws NullPointerException  if the event is null
     * @throws IllegalStateException if the dispatcher is closed
     */
    public void publish(VibeEvent event) {
        Objects.requireNonNull(event, "event must not be null");
        if (closed) {
            throw new IllegalStateException("Dispatcher is closed: cannot publish " + event.getClass().getSimpleName()
                    + " after close()");
        }
        // Indexed loop over an array: no iterator or holder is allocated per event.
        Route[] routes = this.routes;
        VibeEvent detached = null;
        for (int i = 0; i < routes.length; i++) {
            detached = routes[i].accept(event, detached);
        }
    }

    /**
     * Same as {@link #publish(VibeEvent)}, so that a dispatcher can be passed wherever a listener is expected.
     *
     * @param event the event
     * @throws IllegalStateException if the dispatcher is closed
     */
    @Override
    public void onEvent(VibeEvent event) {
        publish(event);
    }

    /**
     * What happened so far to the events of each listener, in registration order.
     *
     * @return one snapshot per listener
     */
    public List<DeliveryStats> stats() {
        List<DeliveryStats> stats = new ArrayList<>(routes.length);
        for (Route route : routes) {
            stats.add(route.stats());
        }
        return List.copyOf(stats);
    }

    /**
     * Stops accepting events and delivers what is left: waits until each asynchronous listener has been handed
     * everything still in its queue and its thread has ended, and delivers the pending events of throttled listeners.
     * Afterwards {@link #publish(VibeEvent)} throws {@link IllegalStateException}. A publish that races with close
     * either throws or is accounted for in {@link #stats()}.
     *
     * <p>Idempotent, and every call waits for the delivery threads to end: a second call (concurrent or later) also
     * waits, which matters when a listener closed its own dispatcher, since that listener's thread ends only after
     * its callback returns. A listener stuck forever keeps close waiting; if the closing thread is interrupted, close
     * stops waiting and keeps the interrupt status, and the delivery threads still finish on their own. A listener
     * may close its own dispatcher; it does not wait for its own thread.
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (!closed) {
                closed = true;
                for (Route route : routes) {
                    route.close();
                }
            }
        }
        // Outside the lock, so that a listener closing its own dispatcher during another thread's close does not
        // block on the lock while that thread waits for it.
        try {
            for (Route route : routes) {
                route.awaitClosed();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (errorHandler instanceof FailureLog) {
            ((FailureLog) errorHandler).flush();
        }
    }

    /** Lists the listeners and their delivery, for example {@code Dispatcher[ui: throttled(interval=PT1S)]}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Dispatcher[");
        for (int i = 0; i < routes.length; i++) {
            text.append(i == 0 ? "" : ", ").append(routes[i].name).append(": ").append(routes[i].delivery);
        }
        return text.append(closed ? "] (closed)" : "]").toString();
    }

    /**
     * Configures a {@link Dispatcher}. Listeners are registered in order; each has a name, unique within the
     * dispatcher, that appears in logs, in {@link DeliveryStats} and in the name of its delivery thread. Arguments are
     * checked as they are given, and the messages name the field and its value. Not thread-safe.
     */
    public static final class Builder {
        private final List<Registration> registrations = new ArrayList<>();
        private final Map<String, Integer> positionsByName = new HashMap<>();
        private InstantSource clock;
        private ListenerErrorHandler errorHandler;

        private Builder() {
        }

        private record Registration(String name, VibeListener listener, Delivery delivery) {
        }

        /**
         * Adds a synchronous listener named {@code listener-<n>}, n being its 1-based position.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(VibeListener listener) {
            return listener(defaultName(), listener, Delivery.synchronous());
        }

        /**
         * Adds a synchronous listener.
         *
         * @param name     its name: not blank, unique within this dispatcher
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(String name, VibeListener listener) {
            return listener(name, listener, Delivery.synchronous());
        }

        /**
         * Adds a listener named {@code listener-<n>}, n being its 1-based position.
         *
         * @param listener the listener
         * @param delivery how it receives events
         * @return this builder
         */
        public Builder listener(VibeListener listener, Delivery delivery) {
            return listener(defaultName(), listener, delivery);
        }

        /**
         * Adds a listener.
         *
         * @param name     its name: not blank, unique within this dispatcher
         * @param listener the listener
         * @param delivery how it receives events
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or already used
         */
        public Builder listener(String name, VibeListener listener, Delivery delivery) {
            Objects.requireNonNull(name, "name must not be null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank: '" + name + "'");
            }
            Objects.requireNonNull(listener, "listener must not be null");
            Objects.requireNonNull(delivery, "delivery must not be null");
            Integer previous = positionsByName.get(name);
            if (previous != null) {
                throw new IllegalArgumentException("name must be unique: '" + name + "' is already used by listener #"
                        + previous);
            }
            registrations.add(new Registration(name, listener, delivery));
            positionsByName.put(name, registrations.size());
            return this;
        }

        /**
         * What to do when a listener throws; {@link ListenerErrorHandler#logging()} if not set (a new one per
         * dispatcher built, timed by {@link #clock(InstantSource)}).
         *
         * @param handler the handler; whatever it throws is ignored
         * @return this builder
         * @throws IllegalStateException if the handler was already set
         */
        public Builder errorHandler(ListenerErrorHandler handler) {
            Objects.requireNonNull(handler, "handler must not be null");
            if (this.errorHandler != null) {
                throw new IllegalStateException("errorHandler was already set to " + this.errorHandler);
            }
            this.errorHandler = handler;
            return this;
        }

        /**
         * The time source of throttled listeners and of the default error handler's reports; the system clock if not
         * set. Tests pass a fake one.
         *
         * @param clock the time source
         * @return this builder
         * @throws IllegalStateException if the clock was already set
         */
        public Builder clock(InstantSource clock) {
            Objects.requireNonNull(clock, "clock must not be null");
            if (this.clock != null) {
                throw new IllegalStateException("clock was already set to " + this.clock);
            }
            this.clock = clock;
            return this;
        }

        /**
         * Makes the dispatcher and starts the threads of its asynchronous listeners. The builder may be used again;
         * each dispatcher gets its own threads and state.
         *
         * @return the new dispatcher
         */
        public Dispatcher build() {
            InstantSource time = clock != null ? clock : InstantSource.system();
            ListenerErrorHandler handler = errorHandler != null ? errorHandler : FailureLog.create(time);
            Route[] routes = new Route[registrations.size()];
            for (int i = 0; i < routes.length; i++) {
                routes[i] = route(registrations.get(i), time, handler);
            }
            for (Route route : routes) {
                route.start();
            }
            return new Dispatcher(routes, handler);
        }

        private static Route route(Registration registration, InstantSource clock, ListenerErrorHandler handler) {
            Delivery delivery = registration.delivery();
            switch (delivery.mode) {
                case ASYNCHRONOUS:
                    return new AsynchronousRoute(registration.name(), registration.listener(), delivery, handler);
                case THROTTLED:
                    return new ThrottledRoute(registration.name(), registration.listener(), delivery, clock, handler);
                default:
                    return new SynchronousRoute(registration.name(), registration.listener(), handler);
            }
        }

        private String defaultName() {
            return "listener-" + (registrations.size() + 1);
        }
    }
}
