package io.openmanager.vibe.flink;

import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.analytics.detect.AnomalyDetectors;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A serialisable recipe for one detector per series: a registered detector name and its parameters, as
 * {@link AnomalyDetectors#create(String, Map)} takes them. Checked when made, so a mistake fails on the client.
 */
public final class DetectorSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final TreeMap<String, String> parameters;

    private DetectorSpec(String name, Map<String, String> parameters) {
        this.name = name;
        this.parameters = new TreeMap<>(parameters);
    }

    /** The calibrated default detector ({@link AnomalyDetectors#DEFAULT}). */
    public static DetectorSpec defaults() {
        return of(AnomalyDetectors.DEFAULT, Map.of());
    }

    /**
     * A detector by name with parameters.
     *
     * @throws IllegalArgumentException naming an unknown detector or a bad parameter
     */
    public static DetectorSpec of(String name, Map<String, String> parameters) {
        Objects.requireNonNull(name, "detector name must not be null");
        Objects.requireNonNull(parameters, "detector parameters must not be null");
        AnomalyDetectors.create(name, parameters);
        return new DetectorSpec(name, parameters);
    }

    /** The detector's registered name. */
    public String name() {
        return name;
    }

    /** A new detector. */
    public AnomalyDetector create() {
        return AnomalyDetectors.create(name, parameters);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DetectorSpec && ((DetectorSpec) o).name.equals(name)
                && ((DetectorSpec) o).parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + parameters.hashCode();
    }

    @Override
    public String toString() {
        return name + parameters;
    }
}
