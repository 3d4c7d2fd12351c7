package io.openmanager.vibe.flink;

/**
 * One simulated value: a metric of a server at a tick. A Flink POJO (a record with primitive components), so Flink
 * serialises it without Kryo.
 *
 * @param server          fleet index of the server
 * @param metric          metric index in {@link io.openmanager.vibe.core.metric.MetricSet#standard()}
 * @param tick            the simulation tick
 * @param timestampMillis the tick's instant, epoch milliseconds (also the record's event time)
 * @param value           the value (NaN when the server did not report)
 */
public record MetricSample(int server, int metric, long tick, long timestampMillis, double value) {

    /** The series this value belongs to, unique per (server, metric): {@code server * 64 + metric}. */
    public long seriesKey() {
        return seriesKey(server, metric);
    }

    /** The series key of a (server, metric) pair, as {@link #seriesKey()} computes it. */
    public static long seriesKey(int server, int metric) {
        return ((long) server << 6) | metric;
    }
}
