package io.openmanager.vibe.analytics.pipeline;

import java.util.Objects;

/**
 * Identifies one series: a metric of a server.
 *
 * @param serverId the server's stable id
 * @param metric   the metric's seed-convention name
 */
public record SeriesKey(String serverId, String metric) {
    /** Checks both parts are present. */
    public SeriesKey {
        Objects.requireNonNull(serverId, "serverId must not be null");
        Objects.requireNonNull(metric, "metric must not be null");
    }

    @Override
    public String toString() {
        return serverId + "/" + metric;
    }
}
