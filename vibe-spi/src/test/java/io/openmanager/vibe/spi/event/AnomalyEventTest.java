package io.openmanager.vibe.spi.event;

import io.openmanager.vibe.core.alert.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnomalyEventTest {
    private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void carriesExpectationRangeSeverityAndExplanation() {
        AnomalyEvent e = new AnomalyEvent(T, "web-01", "cpu_usage", 97.3, 41.2, 30.1, 52.3, 0.8, Severity.CRITICAL,
                "default", "cpu_usage 97.3 is 15 sigmas above the expected 41.2 (range 30.1..52.3)");
        assertThat(e.expected()).isEqualTo(41.2);
        assertThat(e.lower()).isEqualTo(30.1);
        assertThat(e.upper()).isEqualTo(52.3);
        assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(e.explanation()).startsWith("cpu_usage 97.3");
        assertThat(e.concernsServer("web-01")).isTrue();
        assertThat(e.concernsMetric("cpu_usage")).isTrue();
    }

    @Test
    void anUnknownExpectationIsNaNAndAThresholdIsUnboundedBelow() {
        AnomalyEvent unknown = new AnomalyEvent(T, "web-01", "cpu_usage", 1, Double.NaN, Double.NaN, Double.NaN,
                0.6, Severity.WARNING, "custom", "cpu_usage 1 scored 0.6");
        assertThat(unknown.expected()).isNaN();
        AnomalyEvent threshold = new AnomalyEvent(T, "web-01", "cpu_usage", 95, Double.NaN,
                Double.NEGATIVE_INFINITY, 90, 1, Severity.CRITICAL, "threshold", "cpu_usage 95 is above 90");
        assertThat(threshold.lower()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void badFieldsAreRefusedByName() {
        assertThatThrownBy(() -> new AnomalyEvent(T, "s", "m", 1, 0, 2, 1, 0.5, Severity.WARNING, "d", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lower must not exceed upper: lower=2.0, upper=1.0");
        assertThatThrownBy(() -> new AnomalyEvent(T, "s", "m", 1, 0, 0, 1, 1.5, Severity.WARNING, "d", "x"))
                .hasMessage("score must be in [0, 1]: 1.5");
        assertThatThrownBy(() -> new AnomalyEvent(T, "s", "m", 1, 0, 0, 1, 0.5, null, "d", "x"))
                .hasMessage("severity must not be null");
        assertThatThrownBy(() -> new AnomalyEvent(T, "s", "m", 1, 0, 0, 1, 0.5, Severity.WARNING, "d", null))
                .hasMessage("explanation must not be null");
    }
}
