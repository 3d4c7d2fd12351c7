package io.openmanager.vibe.analytics.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmanager.vibe.core.alert.Severity;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

class IncidentGrouperTest {
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    static AnomalyEvent anomaly(long seconds, String server, String metric, double score) {
        return new AnomalyEvent(T0.plusSeconds(seconds), server, metric, 1.0, Double.NaN, Double.NaN, Double.NaN,
                score, Severity.WARNING, "test", "test anomaly");
    }

    @Test
    void anomaliesCloseInTimeFormOneIncidentAcrossServersAndMetrics() {
        List<DetectedIncident> out = new ArrayList<>();
        IncidentGrouper grouper = new IncidentGrouper(out::add);
        grouper.onEvent(anomaly(0, "db", "disk_usage", 0.9));
        grouper.onEvent(anomaly(5, "db", "response_time", 0.7));
        grouper.onEvent(anomaly(10, "web", "response_time", 0.8));
        grouper.onEvent(anomaly(200, "db", "disk_usage", 0.95));
        assertThat(out).isEmpty();
        assertThat(grouper.hasOpenIncident()).isTrue();
        grouper.flush();

        assertThat(out).hasSize(1);
        DetectedIncident incident = out.get(0);
        assertThat(incident.id()).isEqualTo("incident@2026-01-05T10:00:00Z");
        assertThat(incident.start()).isEqualTo(T0);
        assertThat(incident.end()).isEqualTo(T0.plusSeconds(200));
        assertThat(incident.anomalies()).isEqualTo(4);
        assertThat(incident.servers()).containsExactly("db", "web");
        assertThat(incident.onsets()).extracting(DetectedIncident.Onset::metric)
                .containsExactly("disk_usage", "response_time", "response_time");
        DetectedIncident.Onset disk = incident.onsets().get(0);
        assertThat(disk.anomalies()).isEqualTo(2);
        assertThat(disk.maxScore()).isEqualTo(0.95);
        assertThat(incident.onsetOf("web")).contains(T0.plusSeconds(10));
        assertThat(incident.onsetOf("cache")).isEmpty();
        assertThat(grouper.hasOpenIncident()).isFalse();
    }

    @Test
    void aQuietGapLongerThanTheGapSplitsIncidents() {
        List<DetectedIncident> out = new ArrayList<>();
        IncidentGrouper grouper = new IncidentGrouper(Duration.ofMinutes(2), out::add);
        grouper.add(anomaly(0, "a", "cpu_usage", 0.6));
        grouper.add(anomaly(120, "b", "cpu_usage", 0.6)); // exactly the gap: still the same incident
        grouper.add(anomaly(241, "c", "cpu_usage", 0.6)); // 121 s after the last: a new one
        assertThat(out).hasSize(1);
        assertThat(out.get(0).servers()).containsExactly("a", "b");
        grouper.advanceTo(T0.plusSeconds(300));
        assertThat(out).hasSize(1);
        grouper.advanceTo(T0.plusSeconds(362));
        assertThat(out).hasSize(2);
        assertThat(out.get(1).servers()).containsExactly("c");
        grouper.flush(); // nothing open: nothing emitted
        assertThat(out).hasSize(2);
    }

    @Test
    void aLateAnomalyWithinTheGapMovesTheStartBack() {
        List<DetectedIncident> out = new ArrayList<>();
        IncidentGrouper grouper = new IncidentGrouper(out::add);
        grouper.add(anomaly(30, "web", "response_time", 0.6));
        grouper.add(anomaly(20, "db", "cpu_usage", 0.6));
        grouper.flush();
        assertThat(out.get(0).start()).isEqualTo(T0.plusSeconds(20));
        assertThat(out.get(0).servers()).containsExactly("db", "web");
    }

    @Test
    void badArgumentsAreRefusedWithClearMessages() {
        assertThatThrownBy(() -> new IncidentGrouper(Duration.ZERO, i -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gap must be positive");
        assertThatThrownBy(() -> new IncidentGrouper(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("sink");
        assertThatThrownBy(() -> new DetectedIncident("x", T0, T0.minusSeconds(1), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before start");
        assertThatThrownBy(() -> new DetectedIncident("x", T0, T0, List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one onset");
    }
}
