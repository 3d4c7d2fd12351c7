package io.openmanager.vibe.analytics.pipeline;

import io.openmanager.vibe.analytics.detect.AnomalyDetector;

/**
 * Everything the pipeline keeps about one series, held together in the {@link SeriesRegistry} so that one look-up
 * per value finds it and one eviction frees it: the detector, and the forecasting history once forecasting first
 * sees the series, and the recurrence of its alarms once it first alarms.
 */
final class SeriesState {
    final AnomalyDetector detector;
    /** The beat of this series' alarms; created with the first alarm. */
    RecurrenceMemory recurrence;
    ForecastHistory history;
    /** Consecutive refits (capped at the confirmations needed) that predicted a crossing of the series' level. */
    int crossingStreak;

    SeriesState(AnomalyDetector detector) {
        this.detector = detector;
    }
}
