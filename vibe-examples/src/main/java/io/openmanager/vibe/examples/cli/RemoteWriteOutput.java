package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.prometheus.RemoteWriteListener;
import io.openmanager.vibe.prometheus.RemoteWriteStats;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.VibeEvent;

import java.io.PrintWriter;
import java.net.URI;

/**
 * {@code vibe simulate --remote-write URL}: the run's frames to a Prometheus remote-write receiver, and one line on
 * standard error at the end saying what was sent, retried, dropped or rejected. A batch run waits for a slow or absent
 * receiver (nothing is lost); a real-time run never waits, and counts what a full buffer drops.
 */
final class RemoteWriteOutput implements VibeListener, AutoCloseable {
    private final RemoteWriteListener listener;
    private final PrintWriter err;

    private RemoteWriteOutput(RemoteWriteListener listener, PrintWriter err) {
        this.listener = listener;
        this.err = err;
    }

    /**
     * @param endpoint the receiver, or null for none
     * @param live     a real-time run: drop the oldest samples rather than wait when the buffer is full
     * @return the output, or null without an endpoint
     */
    static RemoteWriteOutput open(URI endpoint, NamingConvention naming, boolean live, PrintWriter err) {
        if (endpoint == null) {
            return null;
        }
        RemoteWriteListener listener = RemoteWriteListener.builder(endpoint).naming(naming)
                .overflow(live ? RemoteWriteListener.Overflow.DROP_OLDEST : RemoteWriteListener.Overflow.BLOCK)
                .build();
        return new RemoteWriteOutput(listener, err);
    }

    /** Both listeners, {@code first} first; {@code remote} may be null. */
    static VibeListener both(VibeListener first, RemoteWriteOutput remote) {
        return remote == null ? first : event -> {
            first.onEvent(event);
            remote.onEvent(event);
        };
    }

    @Override
    public void onEvent(VibeEvent event) {
        listener.onEvent(event);
    }

    /** Waits for the receiver (up to a minute), then prints the summary. */
    @Override
    public void close() {
        try {
            listener.close();
        } finally {
            RemoteWriteStats stats = listener.stats();
            err.println("remote write to " + listener.endpoint() + ": " + stats.describe());
            err.flush();
        }
    }
}
