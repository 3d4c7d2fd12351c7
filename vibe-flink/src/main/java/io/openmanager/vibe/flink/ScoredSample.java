package io.openmanager.vibe.flink;

/**
 * A value with the anomaly score its series' detector gave it. A Flink POJO.
 *
 * @param server          fleet index of the server
 * @param metric          metric index in {@link io.openmanager.vibe.core.metric.MetricSet#standard()}
 * @param tick            the simulation tick
 * @param timestampMillis the tick's instant, epoch milliseconds
 * @param value           the value
 * @param score           the anomaly score in [0, 1]
 */
public record ScoredSample(int server, int metric, long tick, long timestampMillis, double value, double score) {

    /** The series this value belongs to, as {@link MetricSample#seriesKey(int, int)}. */
    public long seriesKey() {
        return MetricSample.seriesKey(server, metric);
    }
}
