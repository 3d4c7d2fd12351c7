package io.openmanager.vibe.core.alert;

import io.openmanager.vibe.core.internal.Checks;

import java.time.Instant;
import java.util.Optional;

/**
 * An alert raised when a metric of a server crossed a threshold; immutable. A resolved alert is a new value made with
 * {@link #resolve(Instant)}.
 *
 * @param id         unique id of the alert (producers derive it deterministically)
 * @param serverId   id of the server
 * @param metric     seed name of the metric
 * @param severity   how urgent it is
 * @param value      the value that raised it
 * @param threshold  the level that was crossed
 * @param message    a human-readable sentence
 * @param raisedAt   when it was raised
 * @param resolvedAt when it was resolved, or null while open
 */
public record Alert(String id, String serverId, String metric, Severity severity, double value, double threshold,
                    String message, Instant raisedAt, Instant resolvedAt) {

    /** Validates the fields; the message names the field and the value. */
    public Alert {
        Checks.notBlank("id", id);
        Checks.notBlank("serverId", serverId);
        Checks.notBlank("metric", metric);
        Checks.notNull("severity", severity);
        Checks.notNull("message", message);
        Checks.notNull("raisedAt", raisedAt);
        if (resolvedAt != null && resolvedAt.isBefore(raisedAt)) {
            throw new IllegalArgumentException("resolvedAt of alert '" + id + "' must not be before raisedAt: "
                    + resolvedAt + " < " + raisedAt);
        }
    }

    /** Whether the alert is still open. */
    public boolean isOpen() {
        return resolvedAt == null;
    }

    /** When it was resolved, if it was. */
    public Optional<Instant> resolved() {
        return Optional.ofNullable(resolvedAt);
    }

    /**
     * This alert resolved at an instant.
     *
     * @throws IllegalStateException if it was already resolved
     * @throws NullPointerException if {@code at} is null
     */
    public Alert resolve(Instant at) {
        Checks.notNull("resolvedAt of alert '" + id + "'", at);
        if (resolvedAt != null) {
            throw new IllegalStateException("alert '" + id + "' was already resolved at " + resolvedAt);
        }
        return new Alert(id, serverId, metric, severity, value, threshold, message, raisedAt, at);
    }
}
