package io.openmanager.vibe.analytics.forecast;

import java.time.Duration;
import java.util.Optional;

/**
 * When a forecast crosses a level, in steps after the last observation (fractional, by linear interpolation between
 * forecast steps). {@code Double.POSITIVE_INFINITY} means "not within the forecast horizon".
 *
 * <p>For an upward crossing, {@code earliestSteps} is where the upper 95 % bound crosses and {@code latestSteps} where
 * the lower 95 % bound does; downward, the other way round. So {@code earliest <= expected <= latest}.
 *
 * @param level         the threshold
 * @param upward        whether the crossing is from below
 * @param expectedSteps where the point forecast crosses
 * @param earliestSteps the early end of the 95 % interval
 * @param latestSteps   the late end of the 95 % interval
 */
public record Crossing(double level, boolean upward, double expectedSteps, double earliestSteps,
                       double latestSteps) {

    /** Whether the point forecast crosses within the horizon. */
    public boolean expected() {
        return expectedSteps < Double.POSITIVE_INFINITY;
    }

    /** The expected time to the crossing, if within the horizon. */
    public Optional<Duration> expectedIn(Duration step) {
        return toDuration(expectedSteps, step);
    }

    /** The early end of the interval, if within the horizon. */
    public Optional<Duration> earliestIn(Duration step) {
        return toDuration(earliestSteps, step);
    }

    /** The late end of the interval, if within the horizon. */
    public Optional<Duration> latestIn(Duration step) {
        return toDuration(latestSteps, step);
    }

    /** {@code steps} steps of {@code step}, rounded to the nanosecond; empty for an infinite or NaN number of steps. */
    static Optional<Duration> toDuration(double steps, Duration step) {
        if (!(steps < Double.POSITIVE_INFINITY)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.round(steps * step.toNanos())));
    }
}
