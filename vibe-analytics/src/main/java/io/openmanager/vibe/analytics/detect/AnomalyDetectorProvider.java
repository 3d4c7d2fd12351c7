package io.openmanager.vibe.analytics.detect;

import java.util.Map;

/**
 * A factory of detectors, found with {@link java.util.ServiceLoader}: a module declares
 * {@code provides io.openmanager.vibe.analytics.detect.AnomalyDetectorProvider with ...}, a classpath jar lists the
 * class in {@code META-INF/services/io.openmanager.vibe.analytics.detect.AnomalyDetectorProvider}. Vibe's own
 * detectors come through the same mechanism; {@link AnomalyDetectors#create(String, Map)} picks one by name.
 */
public interface AnomalyDetectorProvider {

    /** The detector's name, unique among providers (for example {@code "ewma"}). */
    String name();

    /** One line saying what the detector catches. */
    String description();

    /**
     * A new detector.
     *
     * @param parameters parameter values by name, as text; missing parameters take their defaults
     * @throws IllegalArgumentException naming the parameter and value when one is unknown or invalid
     */
    AnomalyDetector create(Map<String, String> parameters);
}
