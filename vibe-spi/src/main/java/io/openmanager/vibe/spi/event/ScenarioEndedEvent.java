package io.openmanager.vibe.spi.event;

import java.time.Instant;
import java.util.Objects;

/**
 * An active scenario ended (its recovery finished): the end of a labelled incident.
 *
 * @param timestamp  when
 * @param scenario   the scenario's name
 * @param incidentId the activation that ended
 */
public record ScenarioEndedEvent(Instant timestamp, String scenario, String incidentId) implements VibeEvent {
    /** Validates the fields. */
    public ScenarioEndedEvent {
        Objects.requireNonNull(timestamp, "timestamp must not be null");
        Objects.requireNonNull(scenario, "scenario must not be null");
        Objects.requireNonNull(incidentId, "incidentId must not be null");
    }

    @Override
    public boolean concernsServer(String serverId) {
        return false;
    }

    @Override
    public boolean concernsMetric(String metric) {
        return false;
    }
}
