package io.openmanager.vibe.spi;

import io.openmanager.vibe.core.alert.Severity;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.ScenarioEndedEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.openmanager.vibe.spi.TestEvents.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListenersTest {
    private final VibeEvent web01Cpu = numbered("web-01", 1);
    private final VibeEvent db01Cpu = numbered("db-01", 2);
    private final VibeEvent web01Memory = new AnomalyEvent(Instant.EPOCH, "web-01", "memory", 3, 2, 1, 3,
            0.5, Severity.WARNING, "test", "memory 3 is at the top of its range");
    private final VibeEvent scenarioEnded = new ScenarioEndedEvent(Instant.EPOCH, "disk-fill", "incident-1");

    private void feed(VibeListener listener) {
        for (VibeEvent event : List.of(web01Cpu, db01Cpu, web01Memory, scenarioEnded)) {
            listener.onEvent(event);
        }
    }

    @Test
    void ofTypePassesOnlyThatTypeAlreadyCast() {
        List<String> scenarios = new ArrayList<>();
        feed(Listeners.ofType(ScenarioEndedEvent.class, e -> scenarios.add(e.scenario())));
        assertThat(scenarios).containsExactly("disk-fill");
    }

    @Test
    void forServerPassesOnlyEventsAboutThatServer() {
        RecordingListener target = new RecordingListener();
        feed(Listeners.forServer("web-01", target));
        assertThat(target.received()).containsExactly(web01Cpu, web01Memory);
    }

    @Test
    void forMetricPassesOnlyEventsAboutThatMetricAndNotEventsAboutNoMetric() {
        RecordingListener target = new RecordingListener();
        feed(Listeners.forMetric("cpu", target));
        assertThat(target.received()).containsExactly(web01Cpu, db01Cpu);
    }

    @Test
    void filtersCompose() {
        RecordingListener target = new RecordingListener();
        feed(Listeners.forServer("web-01", Listeners.forMetric("memory", target)));
        assertThat(target.received()).containsExactly(web01Memory);
    }

    @Test
    void filteredPassesWhatThePredicateAccepts() {
        RecordingListener target = new RecordingListener();
        feed(Listeners.filtered(e -> e.timestamp().equals(Instant.EPOCH), target));
        assertThat(target.received()).containsExactly(web01Memory, scenarioEnded);
    }

    @Test
    void argumentsAreCheckedWithTheirNames() {
        assertThatThrownBy(() -> Listeners.ofType(null, e -> { }))
                .isInstanceOf(NullPointerException.class).hasMessage("type must not be null");
        assertThatThrownBy(() -> Listeners.forServer("web-01", null))
                .isInstanceOf(NullPointerException.class).hasMessage("listener must not be null");
        assertThatThrownBy(() -> Listeners.forMetric(null, e -> { }))
                .isInstanceOf(NullPointerException.class).hasMessage("metric must not be null");
        assertThatThrownBy(() -> Listeners.filtered(null, e -> { }))
                .isInstanceOf(NullPointerException.class).hasMessage("filter must not be null");
    }
}
