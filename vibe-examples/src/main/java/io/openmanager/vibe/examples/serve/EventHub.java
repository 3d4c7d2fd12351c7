package io.openmanager.vibe.examples.serve;

import io.openmanager.vibe.sim.export.Exporter;
import io.openmanager.vibe.sim.export.Exporters;
import io.openmanager.vibe.spi.event.ForecastEvent;
import io.openmanager.vibe.spi.event.LogMessageEvent;
import io.openmanager.vibe.spi.event.VibeEvent;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The Server-Sent Events of {@code /events}: every event of the run as one JSON object (the events exporter's form,
 * {@code {"type":"anomaly","timestamp":...}}, and one {@code tick} object per frame), numbered, kept in a bounded ring
 * of the latest {@code capacity}, and written to each subscriber by one pump thread with non-blocking writes.
 *
 * <p><b>Never blocks the engine.</b> {@link #publish} appends to the ring under a short lock and wakes the pump; it
 * never touches a socket. <b>Resume.</b> A client that reconnects with {@code Last-Event-ID} gets every event after
 * that id that the ring still holds. <b>Slow clients.</b> A subscriber whose next event has left the ring (it fell
 * {@code capacity} events behind) or whose write has been pending longer than {@code maxWriteNanos} is dropped and
 * counted ({@link #droppedClients()}); it may reconnect and resume from what the ring holds. Logs and forecasts (many
 * and large) are not streamed.
 */
public final class EventHub implements AutoCloseable {
    /** Most events written to a subscriber in one write. */
    private static final int MAX_EVENTS_PER_WRITE = 256;
    private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(15);

    private final String[] ring;
    private final long maxWriteNanos;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final StringWriter eventText = new StringWriter();
    private final Exporter eventJson = Exporters.events(eventText);
    private final Thread pump;
    private long nextId = 1;
    private boolean wake;
    private volatile boolean closed;

    /**
     * @param capacity      events kept for resuming and for slow subscribers; at least 1
     * @param maxWriteNanos longest time a write to a subscriber may stay pending before it is dropped
     */
    public EventHub(int capacity, long maxWriteNanos) {
        if (capacity < 1) {
            throw new IllegalArgumentException("event buffer must hold at least 1 event: " + capacity);
        }
        this.ring = new String[capacity];
        this.maxWriteNanos = maxWriteNanos;
        this.pump = new Thread(this::pumpLoop, "vibe-serve-events");
        pump.setDaemon(true);
        pump.start();
    }

    /** Publishes an event of the run (frames come through {@link #publishTick} instead). */
    void publish(VibeEvent event) {
        if (event instanceof LogMessageEvent || event instanceof ForecastEvent) {
            return;
        }
        String json;
        synchronized (eventText) {
            eventJson.onEvent(event);
            try {
                eventJson.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            json = eventText.toString().strip();
            eventText.getBuffer().setLength(0);
        }
        if (!json.isEmpty()) {
            append(json);
        }
    }

    /** Publishes the fleet after a tick. */
    void publishTick(Snapshot snapshot, LiveState state) {
        // Made even without subscribers: a client that reconnects resumes from the ring.
        append(ApiJson.tick(snapshot, state));
    }

    /** Appends one event (a JSON object) to the stream. */
    void append(String json) {
        synchronized (ring) {
            long id = nextId++;
            ring[(int) (id % ring.length)] = "id: " + id + "\ndata: " + json + "\n\n";
            wake = true;
            ring.notifyAll();
        }
    }

    /**
     * Starts streaming to a new subscriber.
     *
     * @param sink        writes to the client without blocking
     * @param lastEventId the {@code Last-Event-ID} the client sent, or null: then only events after now are sent
     */
    public void subscribe(Sink sink, Long lastEventId) {
        Subscriber subscriber = new Subscriber(sink);
        synchronized (ring) {
            long oldest = Math.max(1, nextId - ring.length);
            subscriber.cursor = lastEventId == null ? nextId : Math.max(oldest, Math.min(nextId, lastEventId + 1));
            subscribers.add(subscriber);
            wake = true;
            ring.notifyAll();
        }
    }

    /** Subscribers connected now. */
    public int subscribers() {
        return subscribers.size();
    }

    /** Subscribers dropped for being too slow, so far. */
    public long droppedClients() {
        return dropped.get();
    }

    /** Events written to subscribers so far (an event written to two subscribers counts twice). */
    public long deliveredEvents() {
        return delivered.get();
    }

    /** The id the next event will have. */
    public long nextId() {
        synchronized (ring) {
            return nextId;
        }
    }

    private void pumpLoop() {
        try {
            while (!closed) {
                synchronized (ring) {
                    if (!wake) {
                        ring.wait(1000);
                    }
                    wake = false;
                }
                long now = System.nanoTime();
                for (Subscriber subscriber : subscribers) {
                    serve(subscriber, now);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (Subscriber subscriber : subscribers) {
                subscribers.remove(subscriber);
                subscriber.sink.close(null);
            }
        }
    }

    private void serve(Subscriber subscriber, long now) {
        if (subscriber.gone) {
            subscribers.remove(subscriber);
            return;
        }
        if (subscriber.busySinceNanos != 0) {
            if (now - subscriber.busySinceNanos > maxWriteNanos) {
                drop(subscriber, "a write was pending for more than " + TimeUnit.NANOSECONDS.toMillis(maxWriteNanos)
                        + " ms");
            } else if (behind(subscriber)) {
                drop(subscriber, "it fell more than " + ring.length + " events behind");
            }
            return;
        }
        StringBuilder chunk = new StringBuilder();
        int events;
        synchronized (ring) {
            long oldest = Math.max(1, nextId - ring.length);
            if (subscriber.cursor < oldest) {
                events = -1;
            } else {
                long until = Math.min(nextId, subscriber.cursor + MAX_EVENTS_PER_WRITE);
                for (long id = subscriber.cursor; id < until; id++) {
                    chunk.append(ring[(int) (id % ring.length)]);
                }
                events = (int) (until - subscriber.cursor);
                subscriber.cursor = until;
            }
        }
        if (events < 0) {
            drop(subscriber, "it fell more than " + ring.length + " events behind");
            return;
        }
        if (events == 0) {
            if (now - subscriber.lastWriteNanos < KEEP_ALIVE_NANOS) {
                return;
            }
            chunk.append(": keep-alive\n\n");
        }
        subscriber.busySinceNanos = Math.max(1, now);
        subscriber.lastWriteNanos = now;
        int written = events;
        subscriber.sink.write(chunk.toString(), failure -> {
            if (failure != null) {
                subscriber.gone = true; // the client went away
            } else {
                delivered.addAndGet(written);
            }
            subscriber.busySinceNanos = 0;
            synchronized (ring) {
                wake = true;
                ring.notifyAll();
            }
        });
    }

    private boolean behind(Subscriber subscriber) {
        synchronized (ring) {
            return subscriber.cursor < Math.max(1, nextId - ring.length);
        }
    }

    private void drop(Subscriber subscriber, String why) {
        if (subscribers.remove(subscriber)) {
            dropped.incrementAndGet();
            subscriber.sink.close("slow client dropped: " + why);
        }
    }

    /** Ends every stream and stops the pump. */
    @Override
    public void close() {
        closed = true;
        synchronized (ring) {
            wake = true;
            ring.notifyAll();
        }
        try {
            pump.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where a subscriber's events go: a response that is written without blocking. */
    public interface Sink {
        /**
         * Starts writing text; {@code done} is called once the write completes, with null, or with the failure.
         * Never blocks.
         */
        void write(String text, Consumer<Throwable> done);

        /** Ends the stream; {@code reason} is null for a normal end (shutdown), else why the client was dropped. */
        void close(String reason);
    }

    private static final class Subscriber {
        final Sink sink;
        long cursor;
        volatile long busySinceNanos;
        long lastWriteNanos = System.nanoTime();
        volatile boolean gone;

        Subscriber(Sink sink) {
            this.sink = sink;
        }
    }
}
