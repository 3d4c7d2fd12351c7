package io.openmanager.vibe.sim.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.export.Exporter;
import io.openmanager.vibe.sim.export.Exporters;
import io.openmanager.vibe.spi.event.AlertRaisedEvent;
import io.openmanager.vibe.spi.event.FrameEvent;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 17, finding 16: the events of {@code --from/--to} slices did not add up to the full run's (a slice announced
 * the statuses already in place as changes, and raised again, under a new id, an alert that the run before it had
 * raised and never resolved). Now consecutive windows publish exactly the events of one run over both. Labels list
 * every incident that overlaps a window, so adjacent windows both list an incident across their boundary: concatenated
 * and de-duplicated by id they are the full run's labels.
 */
class SliceBoundaryHostileTest {
    private static final SimulationEngine ENGINE = SimulationEngine.builder().build();

    private static List<String> events(long from, long to) {
        StringWriter text = new StringWriter();
        try (Exporter events = Exporters.events(text)) {
            ENGINE.batch().ticks(from, to).listener(event -> {
                if (!(event instanceof FrameEvent)) {
                    events.onEvent(event);
                }
            }).run();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.toString().lines().toList();
    }

    @Test
    void theEventsOfConsecutiveSlicesAreTheFullRunsEvents() {
        long day = ENGINE.ticksIn(java.time.Duration.ofDays(1));
        List<String> full = events(0, day);
        // Boundaries inside seed 42's incident of day 1 (13:04:31 to 13:24:31, alerts open), on a status block's
        // first and last tick, and elsewhere.
        long[] cuts = {1, 719, 720, 5_000, 13 * 720 + 60, 13 * 720 + 61, 13 * 720 + 120, 13 * 720 + 240,
            14 * 720 - 1, 16_000};
        List<String> joined = new ArrayList<>();
        long from = 0;
        for (long cut : cuts) {
            joined.addAll(events(from, cut));
            from = cut;
        }
        joined.addAll(events(from, day));
        assertThat(full).anyMatch(line -> line.contains("\"type\":\"alert_raised\""))
                .anyMatch(line -> line.contains("\"type\":\"status_changed\""));
        assertThat(joined).containsExactlyElementsOf(full);
    }

    @Test
    void anAlertOpenAcrossTheBoundaryIsResolvedUnderTheIdItWasRaisedWith() {
        List<String> raised = new ArrayList<>();
        ENGINE.batch().ticks(0, 13 * 720 + 120).listener(event -> {
            if (event instanceof AlertRaisedEvent) {
                raised.add(((AlertRaisedEvent) event).alert().id());
            }
        }).run();
        List<String> second = events(13 * 720 + 120, 14 * 720);
        assertThat(raised).as("alerts raised before the boundary").isNotEmpty();
        // Every alert resolved after the boundary was raised before it or after it, never invented at it.
        for (String line : second) {
            if (line.contains("\"type\":\"alert_raised\"")) {
                assertThat(line).doesNotContain("\"timestamp\":\"2026-01-05T13:10:00Z\"");
            }
        }
        assertThat(second).anyMatch(line -> line.contains("\"type\":\"alert_resolved\"")
                && raised.stream().anyMatch(line::contains));
    }

    @Test
    void labelsOfAdjacentSlicesDeduplicatedByIdAreTheFullRunsLabels() {
        long day = ENGINE.ticksIn(java.time.Duration.ofDays(7));
        List<Incident> full = ENGINE.incidents(ENGINE.instantOf(0), ENGINE.instantOf(day));
        Map<String, Incident> joined = new LinkedHashMap<>();
        long step = 5_000;
        for (long from = 0; from < day; from += step) {
            for (Incident incident : ENGINE.incidents(ENGINE.instantOf(from), ENGINE.instantOf(Math.min(day,
                    from + step)))) {
                joined.putIfAbsent(incident.id(), incident);
            }
        }
        assertThat(full).isNotEmpty();
        assertThat(new ArrayList<>(joined.values())).containsExactlyElementsOf(full);
    }
}
