package io.openmanager.vibe.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ground truth: one firing of a failure scenario, as the simulator injected it. Detectors and root-cause analysis are
 * scored against these labels.
 *
 * @param id              unique id, {@code scenario@fire-instant}
 * @param scenario        scenario name
 * @param title           scenario title
 * @param origin          hostname of the server where the failure starts (first server of the earliest step)
 * @param affected        hostname to the metric names affected there, in fleet order ({@code *} = every metric);
 *                        includes servers whose response time suffers through a dependency
 * @param start           when the scenario fired
 * @param recoveryStart   when its steps stopped acting and effects began to fade
 * @param end             when the effects were gone (start + duration + recovery)
 */
public record Incident(String id, String scenario, String title, String origin, Map<String, List<String>> affected,
                       Instant start, Instant recoveryStart, Instant end) {
    /** Validates and copies. */
    public Incident {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(scenario, "scenario must not be null");
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(origin, "origin must not be null");
        affected = Collections.unmodifiableMap(new LinkedHashMap<>(affected));
        Objects.requireNonNull(start, "start must not be null");
        Objects.requireNonNull(recoveryStart, "recoveryStart must not be null");
        Objects.requireNonNull(end, "end must not be null");
    }

    /** Affected hostnames, in fleet order. */
    public List<String> affectedServers() {
        return List.copyOf(affected.keySet());
    }

    /** Whether an instant lies in {@code [start, end)}. */
    public boolean covers(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /** Total length, start to end. */
    public Duration length() {
        return Duration.between(start, end);
    }
}
