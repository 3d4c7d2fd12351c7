package io.openmanager.vibe.analytics.incident;

/**
 * The recent values of an incident's series, which {@link RootCauseRanker#rank(DetectedIncident, SeriesValues)} needs
 * for lead-lag evidence. Every series is sampled at the same step over the same window, which should cover the
 * incident and a few minutes before it (for a simulator, {@code engine.batch().ticks(from, to)} over that window;
 * for a live system, a ring buffer per series).
 */
@FunctionalInterface
public interface SeriesValues {
    /**
     * One series' values, oldest first, aligned with every other series at index 0.
     *
     * @param serverId which server
     * @param metric   which metric (seed name)
     * @return the values (missing ones NaN), or an empty array if the series is unknown
     */
    double[] values(String serverId, String metric);
}
