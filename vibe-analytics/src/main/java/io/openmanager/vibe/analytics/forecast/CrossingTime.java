package io.openmanager.vibe.analytics.forecast;

import java.time.Duration;
import java.util.Optional;

/**
 * The distribution of the first time a series crosses a level within a forecast's horizon, in steps after the last
 * observation (fractional): the probability that it crosses at all within the horizon, and the median and the 80 %
 * range (10th to 90th percentile) of the crossing time given that it does. See {@link TimeToThreshold#upwardTime}.
 *
 * @param level         the threshold
 * @param upward        whether the crossing is from below
 * @param horizon       the steps searched (the forecast's horizon)
 * @param probability   the probability of a crossing within the horizon, in [0, 1]
 * @param medianSteps   the median crossing time given a crossing within the horizon; {@code +Infinity} when the
 *                      probability is 0
 * @param earliestSteps the 10th percentile of that crossing time ({@code +Infinity} when the probability is 0)
 * @param latestSteps   the 90th percentile of that crossing time ({@code +Infinity} when the probability is 0)
 */
public record CrossingTime(double level, boolean upward, int horizon, double probability, double medianSteps,
                           double earliestSteps, double latestSteps) {

    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException if the probability is outside [0, 1] or the times are out of order
     */
    public CrossingTime {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
        }
        if (!(earliestSteps <= medianSteps && medianSteps <= latestSteps)
                && !(Double.isInfinite(earliestSteps) && Double.isInfinite(latestSteps))) {
            throw new IllegalArgumentException("crossing times must be ordered: " + earliestSteps + ", "
                    + medianSteps + ", " + latestSteps);
        }
    }

    /** Whether a crossing within the horizon is more likely than not. */
    public boolean likely() {
        return probability >= 0.5;
    }

    /** The median crossing time given a crossing within the horizon, if one is possible. */
    public Optional<Duration> medianIn(Duration step) {
        return Crossing.toDuration(medianSteps, step);
    }

    /** The 10th percentile of the crossing time given a crossing within the horizon, if one is possible. */
    public Optional<Duration> earliestIn(Duration step) {
        return Crossing.toDuration(earliestSteps, step);
    }

    /** The 90th percentile of the crossing time given a crossing within the horizon, if one is possible. */
    public Optional<Duration> latestIn(Duration step) {
        return Crossing.toDuration(latestSteps, step);
    }
}
