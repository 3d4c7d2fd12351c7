package io.openmanager.vibe.sim;

import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.VibeEvent;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything a short run publishes: detached frames, and the other events in order. */
final class Recorder implements VibeListener {
    final List<FleetFrame> frames = new ArrayList<>();
    final List<VibeEvent> events = new ArrayList<>();

    @Override
    public void onEvent(VibeEvent event) {
        if (event instanceof FrameEvent) {
            frames.add(((FrameEvent) event).frame().copy());
        } else {
            events.add(event);
        }
    }

    /** The events of one type, in order. */
    <T extends VibeEvent> List<T> events(Class<T> type) {
        List<T> result = new ArrayList<>();
        for (VibeEvent event : events) {
            if (type.isInstance(event)) {
                result.add(type.cast(event));
            }
        }
        return result;
    }

    /** Runs ticks {@code [from, to)} of every server and records them. */
    static Recorder run(SimulationEngine engine, long from, long to) {
        Recorder recorder = new Recorder();
        engine.batch().ticks(from, to).listener(recorder).run();
        return recorder;
    }
}
