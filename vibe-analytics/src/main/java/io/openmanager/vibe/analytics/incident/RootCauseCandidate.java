package io.openmanager.vibe.analytics.incident;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One server of a {@link DetectedIncident}, ranked as a root-cause candidate by {@link RootCauseRanker}.
 *
 * @param serverId which server
 * @param score    in (0, 1]; higher is a likelier root cause (only meaningful for ordering within one incident)
 * @param onset    the server's first anomaly in the incident
 * @param evidence human-readable reasons, most important first
 */
public record RootCauseCandidate(String serverId, double score, Instant onset, List<String> evidence) {
    /** Validates and copies. */
    public RootCauseCandidate {
        Objects.requireNonNull(serverId, "serverId must not be null");
        if (!(score > 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in (0, 1]: " + score);
        }
        Objects.requireNonNull(onset, "onset must not be null");
        evidence = List.copyOf(evidence);
    }
}
