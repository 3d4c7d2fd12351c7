package io.openmanager.vibe.spi;

import io.openmanager.vibe.core.alert.Severity;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.VibeEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Numbered events, so that tests can tell exactly which ones arrived. */
final class TestEvents {
    private TestEvents() {
    }

    /** An event about {@code server} that carries {@code number}. */
    static AnomalyEvent numbered(String server, int number) {
        return new AnomalyEvent(Instant.EPOCH.plusSeconds(number), server, "cpu", number, Double.NaN, Double.NaN,
                Double.NaN, 0.5, Severity.WARNING, "test", "test event " + number);
    }

    static AnomalyEvent numbered(int number) {
        return numbered("web-01", number);
    }

    static List<VibeEvent> numbered(int fromInclusive, int toExclusive) {
        List<VibeEvent> events = new ArrayList<>();
        for (int i = fromInclusive; i < toExclusive; i++) {
            events.add(numbered(i));
        }
        return events;
    }

    static int number(VibeEvent event) {
        return (int) ((AnomalyEvent) event).value();
    }

    static List<Integer> numbers(List<? extends VibeEvent> events) {
        List<Integer> numbers = new ArrayList<>();
        for (VibeEvent event : events) {
            numbers.add(number(event));
        }
        return numbers;
    }
}
