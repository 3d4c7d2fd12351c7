package io.openmanager.vibe.flink;

/**
 * A forecast that a series will cross a level: made at a tick from the series' recent values. A Flink POJO.
 *
 * @param server          fleet index of the server
 * @param metric          metric index in {@link io.openmanager.vibe.core.metric.MetricSet#standard()}
 * @param tick            the tick the forecast was made at (its last observed value)
 * @param timestampMillis that tick's instant, epoch milliseconds
 * @param level           the level
 * @param expectedSteps   ticks after {@code tick} at which the point forecast crosses (fractional)
 * @param earliestSteps   the early end of the 95 % interval, in ticks ({@code +Infinity}: beyond the horizon)
 * @param latestSteps     the late end of the 95 % interval, in ticks ({@code +Infinity}: beyond the horizon)
 */
public record ThresholdForecast(int server, int metric, long tick, long timestampMillis, double level,
                                double expectedSteps, double earliestSteps, double latestSteps) {
}
