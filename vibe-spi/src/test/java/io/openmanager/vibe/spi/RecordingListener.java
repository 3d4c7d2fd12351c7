package io.openmanager.vibe.spi;

import io.openmanager.vibe.spi.event.VibeEvent;

import java.util.ArrayList;
import java.util.List;

/** Records what it receives; thread-safe, so asynchronous tests can read it after close. */
class RecordingListener implements VibeListener {
    private final List<VibeEvent> received = new ArrayList<>();

    @Override
    public synchronized void onEvent(VibeEvent event) {
        received.add(event);
    }

    synchronized List<VibeEvent> received() {
        return List.copyOf(received);
    }

    List<Integer> numbers() {
        return TestEvents.numbers(received());
    }
}
