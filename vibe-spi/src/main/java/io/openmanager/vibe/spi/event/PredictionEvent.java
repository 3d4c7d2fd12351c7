package io.openmanager.vibe.spi.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A series is likely to cross a level within the configured horizon ("disk full within 4 h: 83 %, most likely in
 * 2 h 10 min, 80 % between 1 h 40 min and 3 h").
 *
 * @param timestamp        when the prediction was made
 * @param serverId         which server
 * @param metric           which metric (seed name)
 * @param level            the level that will be crossed
 * @param expectedCrossing the median crossing instant, given a crossing within the horizon
 * @param earliest         the early end of the crossing time's 80 % range (its 10th percentile)
 * @param latest           the late end of the crossing time's 80 % range (its 90th percentile)
 * @param probability      probability that the crossing happens within the horizon, in [0, 1]
 */
public record PredictionEvent(Instant timestamp, String serverId, String metric, double level,
                              Instant expectedCrossing, Instant earliest, Instant latest,
                              double probability) implements VibeEvent {
    /** Validates the fields. */
    public PredictionEvent {
        Objects.requireNonNull(timestamp, "timestamp must not be null");
        Objects.requireNonNull(serverId, "serverId must not be null");
        Objects.requireNonNull(metric, "metric must not be null");
        Objects.requireNonNull(expectedCrossing, "expectedCrossing must not be null");
        Objects.requireNonNull(earliest, "earliest must not be null");
        Objects.requireNonNull(latest, "latest must not be null");
        if (earliest.isAfter(expectedCrossing) || latest.isBefore(expectedCrossing)) {
            throw new IllegalArgumentException("expectedCrossing " + expectedCrossing + " must lie in [earliest "
                    + earliest + ", latest " + latest + "]");
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
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
