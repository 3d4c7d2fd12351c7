package io.openmanager.vibe.analytics.evaluation;

import java.util.Objects;

/**
 * The NAB score of one detector under one profile at one threshold, over a corpus or one series.
 *
 * <p>The counts are NAB's: they count scored rows (rows after probation), not windows. A row is a detection when its
 * anomaly score is {@code >= threshold}; a detection inside a window is a true positive, outside a false positive; an
 * undetected row inside a window is a false negative, outside a true negative. {@link #windowsDetected()} and
 * {@link #windowsMissed()} count windows.
 *
 * @param profile         the cost profile
 * @param threshold       the anomaly-score threshold
 * @param rawScore        NAB's raw score: the sum of window scores (earliest detection, or {@code -fnWeight}) and
 *                        weighted false positives
 * @param normalisedScore {@code 100 * (raw - null) / (perfect - null)}; NaN when there is no scored window
 * @param nullScore       the raw score of a detector that never fires: {@code -windows * fnWeight}
 * @param perfectScore    the raw score of a detector that fires exactly on each window's first row:
 *                        {@code windows * tpWeight}
 * @param truePositives   detected rows inside windows
 * @param falsePositives  detected rows outside windows
 * @param falseNegatives  undetected rows inside windows
 * @param trueNegatives   undetected rows outside windows
 * @param windowsDetected scored windows with at least one detection
 * @param windowsMissed   scored windows without detection
 */
public record NabResult(CostProfile profile, double threshold, double rawScore, double normalisedScore,
                        double nullScore, double perfectScore, long truePositives, long falsePositives,
                        long falseNegatives, long trueNegatives, int windowsDetected, int windowsMissed) {

    /** Checks that the profile is present. */
    public NabResult {
        Objects.requireNonNull(profile, "profile must not be null");
    }

    /** The number of scored windows: detected plus missed. */
    public int windows() {
        return windowsDetected + windowsMissed;
    }
}
