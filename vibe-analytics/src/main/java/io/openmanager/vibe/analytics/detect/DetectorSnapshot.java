package io.openmanager.vibe.analytics.detect;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The complete state of a detector: parameters, learned statistics and input counters, as an immutable record.
 * Serialises to JSON with Jackson (a {@code "type"} property names the detector); {@link #restore()} builds a
 * detector that continues exactly where the snapshotted one stopped.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ThresholdDetector.Snapshot.class, name = ThresholdDetector.NAME),
        @JsonSubTypes.Type(value = EwmaDetector.Snapshot.class, name = EwmaDetector.NAME),
        @JsonSubTypes.Type(value = RobustWindowDetector.Snapshot.class, name = RobustWindowDetector.NAME),
        @JsonSubTypes.Type(value = CusumDetector.Snapshot.class, name = CusumDetector.NAME),
        @JsonSubTypes.Type(value = PageHinkleyDetector.Snapshot.class, name = PageHinkleyDetector.NAME),
        @JsonSubTypes.Type(value = SeasonalDetector.Snapshot.class, name = SeasonalDetector.NAME),
        @JsonSubTypes.Type(value = DefaultDetector.Snapshot.class, name = DefaultDetector.NAME)
})
public interface DetectorSnapshot {

    /** A new detector in exactly the snapshotted state. */
    AnomalyDetector restore();
}
