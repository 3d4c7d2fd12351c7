package io.openmanager.vibe.spi.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A failure scenario became active: the start of a labelled incident.
 *
 * @param timestamp       when
 * @param scenario        the scenario's name
 * @param incidentId      unique id of this activation
 * @param originServerId  the server where the failure starts
 * @param affectedServers ids of every server the scenario touches; unmodifiable
 */
public record ScenarioStartedEvent(Instant timestamp, String scenario, String incidentId, String originServerId,
                                   List<String> affectedServers) implements VibeEvent {
    /** Validates the fields. */
    public ScenarioStartedEvent {
        Objects.requireNonNull(timestamp, "timestamp must not be null");
        Objects.requireNonNull(scenario, "scenario must not be null");
        Objects.requireNonNull(incidentId, "incidentId must not be null");
        Objects.requireNonNull(originServerId, "originServerId must not be null");
        affectedServers = List.copyOf(affectedServers);
    }

    @Override
    public boolean concernsServer(String serverId) {
        return originServerId.equals(serverId) || affectedServers.contains(serverId);
    }

    @Override
    public boolean concernsMetric(String metric) {
        return false;
    }
}
