package io.openmanager.vibe.analytics.recommend;

/** The kind of evidence a {@link Recommendation} rests on. */
public enum Evidence {
    /** A detector found a value anomalous ({@link io.openmanager.vibe.spi.event.AnomalyEvent}). */
    ANOMALY,
    /** A forecast expects a level to be crossed ({@link io.openmanager.vibe.spi.event.PredictionEvent}). */
    PREDICTION,
    /**
     * The server was ranked the likeliest root cause of an incident
     * ({@link io.openmanager.vibe.analytics.incident.DetectedIncident} and
     * {@link io.openmanager.vibe.analytics.incident.RootCauseCandidate}).
     */
    INCIDENT
}
