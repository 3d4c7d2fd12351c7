package io.openmanager.vibe.spi.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of an active scenario took effect on one server's metric.
 *
 * @param timestamp  when
 * @param scenario   the scenario's name
 * @param incidentId the activation it belongs to
 * @param serverId   the server affected
 * @param metric     the metric affected (seed name), or empty for a step on the whole server
 * @param action     what the step does, in the scenario language ({@code set disk_usage 95})
 */
public record ScenarioStepEvent(Instant timestamp, String scenario, String incidentId, String serverId, String metric,
                                String action) implements VibeEvent {
    /** Validates the fields. */
    public ScenarioStepEvent {
        Objects.requireNonNull(timestamp, "timestamp must not be null");
        Objects.requireNonNull(scenario, "scenario must not be null");
        Objects.requireNonNull(incidentId, "incidentId must not be null");
        Objects.requireNonNull(serverId, "serverId must not be null");
        Objects.requireNonNull(metric, "metric must not be null");
        Objects.requireNonNull(action, "action must not be null");
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
