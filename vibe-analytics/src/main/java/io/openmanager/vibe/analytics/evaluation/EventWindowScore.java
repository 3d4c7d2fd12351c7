package io.openmanager.vibe.analytics.evaluation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How well timestamped detections found labelled windows; see {@link EventWindowScorer} for the definitions.
 *
 * @param windows             the number of labelled windows
 * @param detectedWindows     windows holding at least one detection (true positives)
 * @param detections          the number of detections
 * @param falsePositives      detections outside every window
 * @param precision           {@code detectedWindows / (detectedWindows + falsePositives)}; 1 without detections
 * @param recall              {@code detectedWindows / windows}; 1 without windows
 * @param f1                  the harmonic mean of precision and recall; 0 when both are 0
 * @param meanDetectionDelay  the mean, over detected windows, of the time from a window's start to its first
 *                            detection; empty when no window was detected
 * @param nabScore            the NAB-style raw score with the scorer's profile
 * @param nabNormalisedScore  {@code 100 * (nabScore - null) / (perfect - null)}; NaN without windows
 */
public record EventWindowScore(int windows, int detectedWindows, int detections, int falsePositives,
                               double precision, double recall, double f1, Optional<Duration> meanDetectionDelay,
                               double nabScore, double nabNormalisedScore) {

    /** Checks that the delay is present (possibly empty). */
    public EventWindowScore {
        Objects.requireNonNull(meanDetectionDelay, "meanDetectionDelay must not be null (use Optional.empty())");
    }
}
