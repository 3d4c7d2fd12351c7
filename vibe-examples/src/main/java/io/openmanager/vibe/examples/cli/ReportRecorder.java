package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.status.Status;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.RecommendationEvent;
import io.openmanager.vibe.spi.event.StatusChangedEvent;
import io.openmanager.vibe.spi.event.VibeEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code vibe report} keeps of a run, downsampled while it goes: the ticks are cut into at most {@code width}
 * buckets of equal length (one per pixel of a chart) and each series keeps its minimum, maximum and mean per bucket,
 * each server its worst status per bucket and the fleet its mean and lowest health score per bucket. So a week of 5 s
 * ticks costs the same memory and page size as an hour. Anomaly and recommendation events are kept as they come.
 *
 * <p>Frames are recorded without allocation. Health scores follow the servers' status-change events (100 until the
 * first one), as the simulator reports them.
 */
final class ReportRecorder implements VibeListener {
    private final Fleet fleet;
    private final int metricCount;
    private final long fromTick;
    private final long bucketTicks;
    private final int buckets;
    private final float[] min;
    private final float[] max;
    private final double[] sum;
    private final int[] count;
    private final byte[] worstStatus;
    private final double[] healthSum;
    private final int[] healthMin;
    private final int[] healthTicks;
    private final int[] health;
    private final List<AnomalyEvent> anomalies = new ArrayList<>();
    private final List<RecommendationEvent> recommendations = new ArrayList<>();
    private long lastTick = -1;

    /**
     * @param fleet       the fleet of the run
     * @param metricCount metrics per server
     * @param fromTick    first tick of the run
     * @param ticks       number of ticks of the run, at least 1
     * @param width       maximum number of buckets, at least 1
     */
    ReportRecorder(Fleet fleet, int metricCount, long fromTick, long ticks, int width) {
        this.fleet = fleet;
        this.metricCount = metricCount;
        this.fromTick = fromTick;
        this.bucketTicks = Math.max(1, -Math.floorDiv(-ticks, width));
        this.buckets = (int) -Math.floorDiv(-ticks, bucketTicks);
        int series = fleet.size() * metricCount;
        min = new float[series * buckets];
        max = new float[series * buckets];
        sum = new double[series * buckets];
        count = new int[series * buckets];
        Arrays.fill(min, Float.POSITIVE_INFINITY);
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        worstStatus = new byte[fleet.size() * buckets];
        healthSum = new double[buckets];
        healthMin = new int[buckets];
        Arrays.fill(healthMin, 100);
        healthTicks = new int[buckets];
        health = new int[fleet.size()];
        Arrays.fill(health, 100);
    }

    @Override
    public void onEvent(VibeEvent event) {
        if (event instanceof FrameEvent) {
            frame(((FrameEvent) event).frame());
        } else if (event instanceof AnomalyEvent) {
            anomalies.add((AnomalyEvent) event);
        } else if (event instanceof RecommendationEvent) {
            recommendations.add((RecommendationEvent) event);
        } else if (event instanceof StatusChangedEvent) {
            StatusChangedEvent change = (StatusChangedEvent) event;
            int server = fleet.indexOfId(change.serverId());
            if (server >= 0) {
                health[server] = change.healthScore();
            }
        }
    }

    private void frame(FleetFrame frame) {
        long offset = frame.tick() - fromTick;
        if (offset < 0) {
            return;
        }
        int bucket = (int) Math.min(buckets - 1, offset / bucketTicks);
        lastTick = Math.max(lastTick, frame.tick());
        for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
            int statusAt = s * buckets + bucket;
            byte status = (byte) frame.status(s).ordinal();
            if (status > worstStatus[statusAt]) {
                worstStatus[statusAt] = status;
            }
            for (int m = 0; m < metricCount; m++) {
                double value = frame.value(s, m);
                if (Double.isNaN(value)) {
                    continue;
                }
                int at = (s * metricCount + m) * buckets + bucket;
                float f = (float) value;
                if (f < min[at]) {
                    min[at] = f;
                }
                if (f > max[at]) {
                    max[at] = f;
                }
                sum[at] += value;
                count[at]++;
            }
        }
        // The fleet's health at this tick: the mean over servers of the score after the tick's status changes.
        int total = 0;
        int lowest = 100;
        for (int h : health) {
            total += h;
            lowest = Math.min(lowest, h);
        }
        healthSum[bucket] += (double) total / health.length;
        healthMin[bucket] = Math.min(healthMin[bucket], lowest);
        healthTicks[bucket]++;
    }

    /** Number of buckets. */
    int buckets() {
        return buckets;
    }

    /** Ticks per bucket. */
    long bucketTicks() {
        return bucketTicks;
    }

    /** The last tick recorded, or -1 before the first. */
    long lastTick() {
        return lastTick;
    }

    /** Lowest value of a series in a bucket; NaN when the bucket holds none. */
    double min(int server, int metric, int bucket) {
        int at = (server * metricCount + metric) * buckets + bucket;
        return count[at] == 0 ? Double.NaN : min[at];
    }

    /** Highest value of a series in a bucket; NaN when the bucket holds none. */
    double max(int server, int metric, int bucket) {
        int at = (server * metricCount + metric) * buckets + bucket;
        return count[at] == 0 ? Double.NaN : max[at];
    }

    /** Mean of a series in a bucket; NaN when the bucket holds none. */
    double mean(int server, int metric, int bucket) {
        int at = (server * metricCount + metric) * buckets + bucket;
        return count[at] == 0 ? Double.NaN : sum[at] / count[at];
    }

    /** The means of every bucket of a series (NaN for empty buckets). */
    double[] means(int server, int metric) {
        double[] means = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            means[b] = mean(server, metric, b);
        }
        return means;
    }

    /** Worst status of a server in a bucket; null when no tick fell in the bucket. */
    Status worstStatus(int server, int bucket) {
        return healthTicks[bucket] == 0 ? null : Status.values()[worstStatus[server * buckets + bucket]];
    }

    /** Mean fleet health score in a bucket (mean over servers and ticks); NaN when no tick fell in the bucket. */
    double fleetHealth(int bucket) {
        return healthTicks[bucket] == 0 ? Double.NaN : healthSum[bucket] / healthTicks[bucket];
    }

    /** Lowest health score of any server in a bucket; NaN when no tick fell in the bucket. */
    double lowestHealth(int bucket) {
        return healthTicks[bucket] == 0 ? Double.NaN : healthMin[bucket];
    }

    /** The anomaly events, in the order they came. */
    List<AnomalyEvent> anomalies() {
        return anomalies;
    }

    /** The recommendation events, in the order they came. */
    List<RecommendationEvent> recommendations() {
        return recommendations;
    }
}
