package io.openmanager.vibe.sim.export;

import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.VibeEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/** Common life cycle of the exporters that write frames: layout reuse, closed state, unchecked I/O failures. */
abstract class FrameExporter implements Exporter {
    final NamingConvention naming;
    private final String formatName;
    private Layout layout;
    private boolean closed;

    FrameExporter(String formatName, NamingConvention naming) {
        this.formatName = formatName;
        this.naming = Objects.requireNonNull(naming, "naming convention must not be null");
    }

    @Override
    public final void onEvent(VibeEvent event) {
        if (closed) {
            throw new IllegalStateException("the " + formatName + " exporter is closed");
        }
        if (!(event instanceof FrameEvent)) {
            return;
        }
        FleetFrame frame = ((FrameEvent) event).frame();
        Layout current = layout;
        if (current == null || !current.serves(frame)) {
            Layout next = new Layout(frame.fleet(), frame.metrics(), naming);
            checkLayoutChange(current, next);
            layout = current = next;
        }
        try {
            write(frame, current);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + formatName + " output: " + e.getMessage(), e);
        }
    }

    @Override
    public final void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        finish();
    }

    /**
     * Refuses a frame whose layout the output cannot take after the previous one (a CSV header is written once).
     *
     * @param previous the layout of earlier frames, or null for the first frame
     */
    void checkLayoutChange(Layout previous, Layout next) {
    }

    /** Writes one frame. The frame is valid only during this call. */
    abstract void write(FleetFrame frame, Layout layout) throws IOException;

    /** Writes any trailer and flushes; called once. */
    abstract void finish() throws IOException;
}
