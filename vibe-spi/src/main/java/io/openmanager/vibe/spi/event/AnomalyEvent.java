package io.openmanager.vibe.spi.event;

import io.openmanager.vibe.core.alert.Severity;

import java.time.Instant;
import java.util.Objects;

/**
 * A detector found a value anomalous: what was seen, what was expected, how surprising it is and why.
 *
 * <p>The expectation and its range are the detector's own, as they stood before it learned the value: for
 * z-score detectors the range is the expected value &plusmn; 3 of its scale (standard deviations, or their robust
 * equivalent); for a threshold the range is unbounded below ({@code lower} is negative infinity) and ends at the
 * threshold. A detector without an expectation (or still warming up) gives NaN for {@code expected}, {@code lower}
 * and {@code upper}.
 *
 * @param timestamp   when the value was observed
 * @param serverId    which server
 * @param metric      which metric (seed name)
 * @param value       the observed value
 * @param expected    the value the detector expected, or NaN if it has no expectation
 * @param lower       the lower end of the range it considered normal, or NaN (negative infinity: no lower end)
 * @param upper       the upper end of that range, or NaN (positive infinity: no upper end)
 * @param score       anomaly score in [0, 1]; higher is more anomalous
 * @param severity    how urgent, derived from the score by the publisher (see its documentation)
 * @param detector    the detector's name
 * @param explanation one short sentence for people, e.g.
 *                    {@code "cpu_usage 97.3 is 6.1 sigmas above the expected 41.2 (range 30.1..52.3)"}
 */
public record AnomalyEvent(Instant timestamp, String serverId, String metric, double value, double expected,
                           double lower, double upper, double score, Severity severity, String detector,
                           String explanation) implements VibeEvent {
    /** Validates the fields. */
    public AnomalyEvent {
        Objects.requireNonNull(timestamp, "timestamp must not be null");
        Objects.requireNonNull(serverId, "serverId must not be null");
        Objects.requireNonNull(metric, "metric must not be null");
        Objects.requireNonNull(severity, "severity must not be null");
        Objects.requireNonNull(detector, "detector must not be null");
        Objects.requireNonNull(explanation, "explanation must not be null");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1]: " + score);
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower must not exceed upper: lower=" + lower + ", upper=" + upper);
        }
    }

    @Override
    public boolean concernsServer(String id) {
        return serverId.equals(id);
    }

    @Override
    public boolean concernsMetric(String name) {
        return metric.equals(name);
    }
}
