/**
 * Streaming anomaly detection: the {@link io.openmanager.vibe.analytics.detect.AnomalyDetector} contract, its
 * bad-input policy ({@link io.openmanager.vibe.analytics.detect.AbstractAnomalyDetector}), Vibe's detectors,
 * snapshots ({@link io.openmanager.vibe.analytics.detect.DetectorSnapshot}) and discovery through
 * {@link io.openmanager.vibe.analytics.detect.AnomalyDetectorProvider}. Start with
 * {@link io.openmanager.vibe.analytics.detect.AnomalyDetectors#createDefault()}.
 */
package io.openmanager.vibe.analytics.detect;
